/**
 * `npm run seed:demo`: loads the fictional demo data into the database of this instance (DATABASE_URL, or the
 * embedded one in DATA_DIR), once. Applies migrations and reference data first, like `npm start`.
 */
import { ConfigError, loadConfig } from '../src/config.ts';
import { DatabaseInUseError, withMigratedDatabase } from '../src/features/demo/demo.database.ts';
import { DEMO_PASSWORD, demoLogins, seedDemoData } from '../src/features/demo/demo.seed.ts';
import { systemClock } from '../src/lib/clock.ts';
import { createLogger } from '../src/lib/logger.ts';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);

  if (config.embedded) console.log(`Using the embedded database in ${config.dataDir}.`);
  else console.log('Using the database from DATABASE_URL.');
  try {
    const result = await withMigratedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, logger, (db) =>
      seedDemoData(db, { clock: systemClock }),
    );
    if (!result.loaded) {
      console.log('Demo data was already loaded. Nothing changed.');
      return 0;
    }
    console.log(`Demo data loaded: ${result.organisations} fictional organisations, ${result.partners} partner organisations and ${result.users} demo logins.`);
    if (result.skippedEmails.length) {
      console.log(`Not created, because a real account already uses the address: ${result.skippedEmails.join(', ')}`);
    }
    console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const l of demoLogins()) {
      if (!result.skippedEmails.includes(l.email)) console.log(`  ${l.email.padEnd(50)} ${l.description}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof DatabaseInUseError) {
      console.error(`${e.message}\nNote: on its first start, npm start loads the demo data by itself.`);
      return 1;
    }
    throw e;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`Loading demo data failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);

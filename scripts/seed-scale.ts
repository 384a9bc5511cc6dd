/**
 * `npm run seed:scale -- --organisations 50000`: fills a SEPARATE database with a national-scale synthetic set
 * for benchmarks. Default: its own embedded server in ./data-scale. Never touches the normal ./data.
 *   --organisations N   how many organisations (default 50000)
 *   --data-dir DIR      embedded server folder (default ./data-scale)
 *   --database-url URL  an external PostgreSQL database of its own instead
 *   --seed N            another deterministic variant
 *   --events N          synthetic events (default 4 per organisation: 200,000 for 50,000)
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SCALE_ORGANISATIONS } from '../src/features/demo/scale.seed.ts';
import { DEFAULT_SCALE_DATA_DIR, prepareScaleDatabase } from '../src/features/demo/scale.run.ts';

function usage(problem?: string): never {
  if (problem) console.error(`${problem}\n`);
  console.error('Usage: npm run seed:scale -- [--organisations 50000] [--data-dir ./data-scale | --database-url postgres://...] [--seed N] [--events N]');
  process.exit(problem ? 2 : 0);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      organisations: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      seed: { type: 'string' },
      events: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (e) {
  usage(e instanceof Error ? e.message : String(e));
}
if (values.help) usage();

const organisations = values.organisations === undefined ? DEFAULT_SCALE_ORGANISATIONS : Number(values.organisations.replace(/[_,.]/g, ''));
if (!Number.isInteger(organisations) || organisations < 1 || organisations > 9_999_999) usage('--organisations must be a whole number from 1 to 9999999.');
const seed = values.seed === undefined ? undefined : Number(values.seed);
const events = values.events === undefined ? undefined : Number(values.events.replace(/[_,.]/g, ''));
if (events !== undefined && (!Number.isInteger(events) || events < 0 || events > 5_000_000)) usage('--events must be a whole number from 0 to 5000000.');
if (seed !== undefined && !Number.isInteger(seed)) usage('--seed must be a whole number.');
if (values['database-url'] && !/^postgres(ql)?:\/\//.test(values['database-url'])) usage('--database-url must start with postgres:// or postgresql://');

const started = performance.now();
try {
  const target = values['database-url'] ? 'the database from --database-url' : values['data-dir'] ?? DEFAULT_SCALE_DATA_DIR;
  console.log(`Scale set: ${organisations.toLocaleString('en')} organisations into ${target}`);
  const result = await prepareScaleDatabase({
    organisations,
    dataDir: values['data-dir'],
    databaseUrl: values['database-url'],
    seed,
    events,
    log: (line) => console.log(line),
  });
  if (result.action === 'kept') {
    console.log(`A scale set of ${result.organisations.toLocaleString('en')} organisations is already there. Nothing changed.`);
  } else {
    console.log(
      `Loaded ${result.organisations.toLocaleString('en')} organisations (${result.published.toLocaleString('en')} published) in ${(result.ms / 1000).toFixed(1)} s, including VACUUM ANALYZE.`,
    );
  }
  console.log(`Total time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exit(0);
} catch (e) {
  console.error(`The scale seed failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

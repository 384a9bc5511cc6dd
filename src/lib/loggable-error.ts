import { DrizzleQueryError } from 'drizzle-orm/errors';

/**
 * What the log keeps of an unexpected error. A failed query's message (and so its stack) lists the query's parameters,
 * which hold emails, names and password hashes: for those the log gets the SQL text and the database's error code.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  if (!(err instanceof DrizzleQueryError)) return { message: err.message, stack: err.stack, name: err.name };
  const cause = err.cause as { code?: string; constraint?: string; routine?: string } | undefined;
  return {
    name: 'DrizzleQueryError',
    message: `Failed query: ${err.query}`,
    code: cause?.code,
    constraint: cause?.constraint,
    routine: cause?.routine,
    stack: (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).join('\n'),
  };
}

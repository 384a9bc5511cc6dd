import pino, { type Logger } from 'pino';

/** JSON logs on stdout. Redacts fields that could carry personal data or secrets. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ['email', 'password', 'token', '*.email', '*.password', '*.token', 'req.headers.cookie', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  });
}

/** One error type for expected failures; the web layer maps `code` to an HTTP status. */
export type AppErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'validation_failed'
  | 'conflict'
  | 'rate_limited'
  | 'bad_request';

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
    public readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const httpStatusFor: Record<AppErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  validation_failed: 422,
  conflict: 409,
  rate_limited: 429,
  bad_request: 400,
};

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

// Named errors the domain raises; functions/app/errors.ts maps each to one HTTP status and message.

export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: names the field at fault. */
export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
export class NotFoundError extends DomainError {}
export class UnauthorizedError extends DomainError {}
export class ConflictError extends DomainError {}
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
/** A dependency (store, mailer) cannot be reached right now. */
export class UnavailableError extends DomainError {}

/**
 * Expected failures of a use case. Services throw these; only http.ts maps them to HTTP.
 * - INVALID: the input breaks a rule; `fields` says which field and why (400).
 * - UNAUTHENTICATED: no valid session, or a wrong email/password pair (401).
 * - NOT_FOUND: absent, or not visible to this person; the two are never told apart (404).
 * - CONFLICT: the request clashes with the current state, e.g. already linked (409).
 * - LOCKED: a private area while the session is locked; unlock with password or PIN (423).
 * - RATE_LIMITED: too many attempts; `retryAfterSeconds` says when to try again (429).
 * - CROSS_ORIGIN: a state-changing request from another site (403).
 * - UNSUPPORTED_MEDIA_TYPE: a JSON endpoint got another Content-Type (415).
 * - PAYLOAD_TOO_LARGE: the body is bigger than any valid request (413).
 */
export type AppErrorCode =
	| 'INVALID'
	| 'UNAUTHENTICATED'
	| 'NOT_FOUND'
	| 'CONFLICT'
	| 'LOCKED'
	| 'RATE_LIMITED'
	| 'CROSS_ORIGIN'
	| 'UNSUPPORTED_MEDIA_TYPE'
	| 'PAYLOAD_TOO_LARGE';

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
	readonly code: AppErrorCode;
	readonly userMessage: string;
	readonly fields?: FieldErrors;
	readonly retryAfterSeconds?: number;

	constructor(
		code: AppErrorCode,
		userMessage: string,
		options: { fields?: FieldErrors; retryAfterSeconds?: number } = {}
	) {
		super(`${code}: ${userMessage}`);
		this.name = 'AppError';
		this.code = code;
		this.userMessage = userMessage;
		this.fields = options.fields;
		this.retryAfterSeconds = options.retryAfterSeconds;
	}
}

export function isAppError(error: unknown): error is AppError {
	return error instanceof AppError;
}

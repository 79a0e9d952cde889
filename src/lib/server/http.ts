import { error, fail, json, redirect, type Cookies } from '@sveltejs/kit';
import type { z } from 'zod';
import crypto from 'node:crypto';
import type { Ctx } from './context';
import { AppError, isAppError, type AppErrorCode, type FieldErrors } from './errors';
import { logUnexpected } from './log';
import { deviceCookie, pendingSignInCookie, sessionCookie } from './cookies';
import { getRuntime } from './runtime';
import * as m from '$lib/paraglide/messages';

/** The only map from error codes to HTTP statuses. */
const STATUS: Record<AppErrorCode, number> = {
	INVALID: 400,
	UNAUTHENTICATED: 401,
	CROSS_ORIGIN: 403,
	NOT_FOUND: 404,
	CONFLICT: 409,
	PAYLOAD_TOO_LARGE: 413,
	UNSUPPORTED_MEDIA_TYPE: 415,
	LOCKED: 423,
	RATE_LIMITED: 429
};

const MAX_JSON_BYTES = 64 * 1024;

export function statusOf(code: AppErrorCode): number {
	return STATUS[code];
}

/** `{ error: { code, message, fields? } }` with the right status (and Retry-After on 429). */
export function errorResponse(appError: AppError): Response {
	const headers: Record<string, string> = {};
	if (appError.retryAfterSeconds !== undefined) {
		headers['retry-after'] = String(appError.retryAfterSeconds);
	}

	return json(
		{
			error: {
				code: appError.code,
				message: appError.userMessage,
				...(appError.fields ? { fields: appError.fields } : {})
			}
		},
		{ status: STATUS[appError.code], headers }
	);
}

/** Runs an API handler: expected errors become JSON answers, anything else a 500 with an id. */
export async function api(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (caught) {
		if (isAppError(caught)) {
			return errorResponse(caught);
		}
		const id = crypto.randomUUID();
		logUnexpected(id, caught);

		return json(
			{ error: { code: 'INTERNAL', message: m.error_unexpected(), id } },
			{ status: 500 }
		);
	}
}

/** Reads a JSON body: application/json only, bounded in size, checked against the schema. */
export async function readJson<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<z.output<S>> {
	const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
	if (type !== 'application/json') {
		throw new AppError('UNSUPPORTED_MEDIA_TYPE', m.error_json_only());
	}
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_JSON_BYTES) {
		throw new AppError('PAYLOAD_TOO_LARGE', m.error_too_large());
	}
	let text: string;
	try {
		text = await request.text();
	} catch {
		// The server's own body limit ends the stream with an error of its own.
		throw new AppError('PAYLOAD_TOO_LARGE', m.error_too_large());
	}
	if (Buffer.byteLength(text) > MAX_JSON_BYTES) {
		throw new AppError('PAYLOAD_TOO_LARGE', m.error_too_large());
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new AppError('INVALID', m.error_bad_json());
	}

	return parseWith(schema, body);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
	// PostgreSQL cannot store NUL in text; no Tend field has a use for it.
	if (containsNul(value)) {
		throw new AppError('INVALID', m.error_nul_character());
	}
	const parsed = schema.safeParse(value);
	if (!parsed.success) {
		const fields: FieldErrors = {};
		for (const issue of parsed.error.issues) {
			const key = issue.path.length > 0 ? issue.path.join('.') : '_';
			(fields[key] ??= []).push(issue.message);
		}
		const first = parsed.error.issues[0]?.message ?? m.error_invalid();
		throw new AppError('INVALID', first, { fields });
	}

	return parsed.data;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a path: anything that is not a well-formed id simply does not exist. */
export function parseId(value: string): string {
	if (!UUID.test(value)) {
		throw new AppError('NOT_FOUND', m.error_not_found());
	}

	return value.toLowerCase();
}

/** The signed-in context for a page; anyone else goes to the sign-in page and comes back. */
export function requireCtx(locals: App.Locals, url: URL): Ctx & { userId: string } {
	const { ctx } = locals;
	if (!ctx.userId) {
		redirect(303, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
	}

	return ctx as Ctx & { userId: string };
}

/**
 * The signed-in context for a private page (past days, settings, anything with private items):
 * while the session is locked, the person goes to the unlock page and comes back.
 */
export function requireUnlockedCtx(locals: App.Locals, url: URL): Ctx & { userId: string } {
	const ctx = requireCtx(locals, url);
	if (ctx.locked) {
		redirect(303, `/unlock?next=${encodeURIComponent(url.pathname + url.search)}`);
	}

	return ctx;
}

/** Parses a form against an object schema, looking only at the fields the schema names. */
export function parseForm<S extends z.ZodObject>(
	schema: S,
	values: Record<string, string>
): z.output<S> {
	const picked: Record<string, string> = {};
	for (const key of Object.keys(schema.shape)) {
		if (values[key] !== undefined) {
			picked[key] = values[key];
		}
	}

	return parseWith(schema, picked);
}

/** A form's fields as plain strings (files and repeated keys are not part of any Tend form). */
export async function readForm(
	request: Request,
	options: { lists?: string[] } = {}
): Promise<Record<string, string>> {
	let data: FormData;
	try {
		data = await request.formData();
	} catch {
		error(400, m.error_bad_form());
	}
	const values: Record<string, string> = Object.create(null);
	for (const [key, value] of data) {
		if (typeof value === 'string') {
			values[key] = value;
		}
	}
	// Checkbox groups arrive as repeated keys; they are kept comma-joined (ids have no commas).
	for (const key of options.lists ?? []) {
		values[key] = data
			.getAll(key)
			.filter((value) => typeof value === 'string')
			.join(',');
	}

	return values;
}

/** A comma-joined list from readForm, as an array (empty when nothing was chosen). */
export function formList(value: string | undefined): string[] {
	return value ? value.split(',').filter(Boolean) : [];
}

/**
 * Runs a form action's service call. An expected error comes back to the form with the
 * person's input (never passwords or PINs) so they see what to fix and lose nothing.
 */
export async function formAction<T>(
	values: Record<string, string>,
	run: () => Promise<T>,
	action = 'default'
): Promise<T | ReturnType<typeof fail<FormFailure>>> {
	try {
		return await run();
	} catch (caught) {
		if (!isAppError(caught)) {
			throw caught;
		}
		const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !isSecretField(key)));

		return fail(STATUS[caught.code], {
			action,
			message: caught.userMessage,
			fields: caught.fields ?? {},
			values: kept,
			retryAfterSeconds: caught.retryAfterSeconds ?? null
		});
	}
}

function isSecretField(key: string): boolean {
	const name = key.toLowerCase();

	return name.includes('password') || name.startsWith('pin');
}

export type FormFailure = {
	/** Which form on the page failed, when a page has several. */
	action: string;
	message: string;
	fields: FieldErrors;
	values: Record<string, string>;
	retryAfterSeconds: number | null;
};

/** For loads: an expected error becomes the error page with the right status. */
export function pageError(caught: unknown): never {
	if (isAppError(caught)) {
		error(STATUS[caught.code], caught.userMessage);
	}
	throw caught;
}

/** Sets the session cookie (and the device cookie) after a sign-up or sign-in. */
export function setSignedInCookies(
	cookies: Cookies,
	signedIn: { session: { token: string; expiresAt: Date }; deviceToken?: string },
	now: Date
) {
	const { env } = getRuntime();
	const session = sessionCookie(env);
	const maxAge = Math.floor((signedIn.session.expiresAt.getTime() - now.getTime()) / 1000);
	cookies.set(session.name, signedIn.session.token, session.options(maxAge));
	if (signedIn.deviceToken) {
		const device = deviceCookie(env);
		cookies.set(device.name, signedIn.deviceToken, device.options());
	}
}

/** A file to download (never shown inline), kept out of every cache. */
export function attachment(
	file: { filename: string; body: string },
	contentType: string
): Response {
	return new Response(file.body, {
		headers: {
			'content-type': `${contentType}; charset=utf-8`,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'no-store'
		}
	});
}

/** Keeps the ticket of a sign-in that waits for its code (see pendingSignInCookie). */
export function setPendingSignInCookie(
	cookies: Cookies,
	pending: { ticket: string; expiresAt: Date },
	now: Date
) {
	const cookie = pendingSignInCookie(getRuntime().env);
	const maxAge = Math.max(1, Math.floor((pending.expiresAt.getTime() - now.getTime()) / 1000));
	cookies.set(cookie.name, pending.ticket, cookie.options(maxAge));
}

export function readPendingSignInCookie(cookies: Cookies): string | null {
	return cookies.get(pendingSignInCookie(getRuntime().env).name) ?? null;
}

export function clearPendingSignInCookie(cookies: Cookies) {
	cookies.delete(pendingSignInCookie(getRuntime().env).name, { path: '/' });
}

/** Removes the session cookie; the device cookie stays so the owner is never locked out. */
export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(sessionCookie(getRuntime().env).name, { path: '/' });
}

function containsNul(value: unknown, depth = 0): boolean {
	if (typeof value === 'string') {
		return value.includes('\u0000');
	}
	if (depth > 20 || value === null || typeof value !== 'object') {
		return false;
	}

	return Object.entries(value).some(
		([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1)
	);
}

import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { json } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { startRuntime, stopRuntime } from '$lib/server/runtime';
import { closeAllStreams } from '$lib/server/live/stream';
import { keyedHash } from '$lib/server/auth/tokens';
import { describeDevice } from '$lib/server/auth/device';
import { deviceCookie, NON_HTML_CSP, securityHeaders, sessionCookie } from '$lib/server/cookies';
import { resolveSession } from '$lib/server/sessions/sessions.service';
import { errorResponse } from '$lib/server/http';
import { AppError } from '$lib/server/errors';
import { logUnexpected } from '$lib/server/log';
import * as m from '$lib/paraglide/messages';
import { paraglideMiddleware } from '$lib/paraglide/server';

export const init: ServerInit = async () => {
	await startRuntime();
	// The server's graceful close waits for open connections: end the live streams first, or
	// SIGTERM would wait on them for the whole shutdown timeout.
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		process.once(signal, () => endStreamsOn(signal));
	}
	process.once('sveltekit:shutdown', () => {
		closeAllStreams();
		void stopRuntime();
	});
};

/**
 * Ends the live streams on a stop signal. Where nothing else handles the signal (no server that
 * shuts down gracefully), it is raised again so the process still stops as it would by default.
 */
function endStreamsOn(signal: NodeJS.Signals) {
	closeAllStreams();
	if (process.listenerCount(signal) === 0) {
		process.kill(process.pid, signal);
	}
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests from other sites whatever their Content-Type (SvelteKit's own
 * check covers form posts only). Browsers send Sec-Fetch-Site or Origin; a client that sends
 * neither is not a browser and carries no ambient cookies of a victim.
 */
const handleCrossOrigin: Handle = async ({ event, resolve }) => {
	if (!SAFE_METHODS.has(event.request.method)) {
		const site = event.request.headers.get('sec-fetch-site');
		const origin = event.request.headers.get('origin');
		const crossSite = site
			? site !== 'same-origin'
			: origin !== null && origin !== event.url.origin;
		if (crossSite) {
			return errorResponse(new AppError('CROSS_ORIGIN', m.error_cross_origin()));
		}
	}

	return resolve(event);
};

/** Builds the request context: database, clock, the signed-in person (fresh on every request). */
const handleContext: Handle = async ({ event, resolve }) => {
	const { env, handle, live } = await startRuntime();
	const now = () => new Date();
	const session = sessionCookie(env);
	const token = event.cookies.get(session.name);
	const resolved = token ? await resolveSession({ db: handle.db, now }, token) : null;
	if (token && !resolved) {
		event.cookies.delete(session.name, { path: '/' });
	}

	event.locals.user = resolved
		? {
				id: resolved.user.id,
				name: resolved.user.name,
				onboarded: resolved.user.onboardedAt !== null,
				timeZone: resolved.user.timeZone
			}
		: null;
	event.locals.ctx = {
		db: handle.db,
		now,
		origin: env.origin,
		secret: env.secret,
		userId: resolved?.user.id ?? null,
		sessionId: resolved?.session.id ?? null,
		locked: resolved?.locked ?? false,
		clientKey: keyedHash(env.secret, `client:${clientAddress(event)}`),
		device: describeDevice(event.request.headers.get('user-agent')),
		deviceToken: event.cookies.get(deviceCookie(env).name) ?? null,
		mailEnabled: env.mail !== null,
		live
	};

	return resolve(event);
};

/**
 * Behind a proxy (ADDRESS_HEADER set) a request that lacks the header has no known address; it
 * shares one bucket with every other such request rather than failing.
 */
function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const { env } = await startRuntime();
	const resolved = await resolveOrFail(event, resolve);
	// Some responses (e.g. a proxied fetch) have immutable headers; a copy can always be changed.
	const response = new Response(resolved.body, resolved);
	for (const [name, value] of Object.entries(securityHeaders(env))) {
		response.headers.set(name, value);
	}
	if (!response.headers.has('content-security-policy')) {
		response.headers.set('content-security-policy', NON_HTML_CSP);
	}

	return response;
};

/** A failure in a later hook still answers with an id, and gets the headers like any answer. */
async function resolveOrFail(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']) {
	try {
		return await resolve(event);
	} catch (caught) {
		const id = crypto.randomUUID();
		logUnexpected(id, caught);

		return json(
			{ error: { code: 'INTERNAL', message: m.error_unexpected(), id } },
			{ status: 500 }
		);
	}
}

/** The person's language for messages, and the page's lang attribute. */
const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;

		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

export const handle: Handle = sequence(
	handleSecurityHeaders,
	handleCrossOrigin,
	handleLocale,
	handleContext
);

export const handleError: HandleServerError = ({ error, status }) => {
	const id = crypto.randomUUID();
	if (status >= 500) {
		logUnexpected(id, error, status);
	}

	return { message: status === 404 ? m.error_page_not_found() : m.error_unexpected(), id };
};

import type { Db } from './db/client';
import type { LiveBus } from './live/bus';

/** Everything a use case needs about the request, passed in so services stay testable. */
export type Ctx = {
	db: Db;
	now: () => Date;
	/** The public origin, e.g. https://tend.example, for links shown to people. */
	origin: string;
	/** Server secret for keyed hashes (rate-limit keys, device cookies). */
	secret: string;
	/** The signed-in person, or null. */
	userId: string | null;
	/** The session this request came with, or null. */
	sessionId: string | null;
	/**
	 * The session's private areas are locked (idle, or after a quick exit): only the shared space
	 * is served until the person unlocks with their password or PIN.
	 */
	locked: boolean;
	/** A keyed hash of the client address, never the address itself. */
	clientKey: string;
	/** A short device description from the user agent, e.g. "Firefox on Android". */
	device: string;
	/** The proven device cookie value for the login form, if any. */
	deviceToken: string | null;
	/** Whether this instance can send email (SMTP is configured). */
	mailEnabled: boolean;
	/** Live updates: services publish what changed (ids and kinds only) after committing. */
	live: LiveBus;
};

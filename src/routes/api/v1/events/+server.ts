import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { openEventStream } from '$lib/server/live/stream';

/** Server-Sent Events: what changed for you and your couple (kinds and ids, never content). */
export const GET: RequestHandler = ({ request, locals }) =>
	api(() => openEventStream(locals.ctx, request));

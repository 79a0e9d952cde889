import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Answers once the database is open and migrated (init runs before any request). */
export const GET: RequestHandler = () => json({ ok: true });

import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { buildOpenApi } from '$lib/server/openapi';

export const GET: RequestHandler = ({ locals }) => json(buildOpenApi(locals.ctx.origin));

import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { startTwoFactorSetup } from '$lib/server/two-factor/two-factor.service';

export const POST: RequestHandler = ({ locals }) =>
	api(async () => json(await startTwoFactorSetup(locals.ctx)));

import type { RequestHandler } from './$types';
import { api, attachment } from '$lib/server/http';
import { exportYourData } from '$lib/server/privacy/export.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => attachment(await exportYourData(locals.ctx), 'application/json'));

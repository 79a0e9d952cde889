import type { RequestHandler } from './$types';
import { api, attachment } from '$lib/server/http';
import { exportYourDataAsHtml } from '$lib/server/privacy/export.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => attachment(await exportYourDataAsHtml(locals.ctx), 'text/html'));

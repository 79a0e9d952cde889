import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { recoveryResetSchema } from '$lib/server/recovery/recovery.schemas';
import { resetWithRecoveryCode } from '$lib/server/recovery/recovery.service';

export const POST: RequestHandler = ({ request, locals }) =>
	api(async () => {
		await resetWithRecoveryCode(locals.ctx, await readJson(request, recoveryResetSchema));

		return new Response(null, { status: 204 });
	});

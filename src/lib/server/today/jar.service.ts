import type { Ctx } from '../context';
import { requireViewer } from '../access';
import {
	visibleAppreciations,
	type AppreciationView
} from '../appreciations/appreciations.service';
import { responsesTo, type ResponseView } from '../responses/responses.service';

export type JarView = {
	partner: { name: string } | null;
	/** What the partner gave the viewer in the current link, newest first. */
	received: AppreciationView[];
	/** Everything the viewer wrote, whoever it went to, newest first. */
	given: AppreciationView[];
	/** The viewer's own, written while alone and not shared yet. */
	kept: number;
	responses: ResponseView[];
};

/** The appreciation jar as the viewer may see it, with the responses in the current link. */
export async function getJar(ctx: Ctx): Promise<JarView> {
	const viewer = await requireViewer(ctx);
	const items = await visibleAppreciations(ctx, viewer);
	const given = items.filter((item) => item.mine);

	return {
		partner: viewer.partner ? { name: viewer.partner.name } : null,
		received: items.filter((item) => !item.mine),
		given,
		kept: given.filter((item) => item.kept).length,
		responses: await responsesTo(
			ctx,
			viewer,
			items.map((item) => item.id)
		)
	};
}

import type { Ctx } from '../context';
import { coupleTopic } from '../live/bus';

/** The kind of live event that tells open Today pages (and the jar) to load again. */
export const TODAY_KIND = 'today';

/**
 * Tells a couple's open pages that something of the day changed, after the change committed.
 * Call it only for changes the partner may see: a private check-in, a pass, or an answer not yet
 * revealed publishes nothing, so the stream never tells that they exist (AZ-02). The event names
 * no item: the page loads again through the same checks as any load.
 */
export async function publishTodayChange(ctx: Ctx, coupleId: string | null): Promise<void> {
	if (coupleId) {
		await ctx.live.publish(coupleTopic(coupleId), { kind: TODAY_KIND, id: '' });
	}
}

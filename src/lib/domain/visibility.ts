/**
 * The one rule for who may see an item written in Tend. Pure, so the server's access module, the
 * model test and later domains share it.
 */
export type Viewer = {
	userId: string;
	coupleId: string | null;
	/**
	 * The viewer's private areas are locked (idle, or after a quick exit): whoever holds the
	 * device sees the shared space only, exactly what the partner could see too.
	 */
	locked?: boolean;
};
export type VisibleItem = {
	authorId: string;
	/** The couple the item was shared in, or null for items written while not linked. */
	coupleId: string | null;
	visibility: 'private' | 'shared';
};

export function canSeeItem(viewer: Viewer, item: VisibleItem): boolean {
	if (item.authorId === viewer.userId) {
		return !viewer.locked || isSharedWith(viewer.coupleId, item);
	}

	// A partner sees shared items of their current couple only: after a link ends, and after a
	// re-link of the same two people, the old couple's items are out of reach.
	return isSharedWith(viewer.coupleId, item);
}

function isSharedWith(coupleId: string | null, item: VisibleItem): boolean {
	return item.visibility === 'shared' && item.coupleId !== null && item.coupleId === coupleId;
}

/** Where a guided conversation lives: a couple's shared space, or one person's own. */
export type ConversationSpace = { coupleId: string | null; userId: string | null };

/**
 * Who may see and take part in a conversation: a couple's, only its members while they are
 * linked in that very couple (an ex, or the same two after a re-link, never); one's own, only them.
 */
export function canTakePart(viewer: Viewer, space: ConversationSpace): boolean {
	if (space.coupleId !== null) {
		return space.coupleId === viewer.coupleId;
	}

	return space.userId !== null && space.userId === viewer.userId;
}

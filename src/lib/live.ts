import { invalidateAll } from '$app/navigation';
import { navigating } from '$app/state';

export type LiveMessage = { kind: string; id: string };

/**
 * Follows the live stream while a page is open: each message names what changed (a kind and an
 * id); the page then fetches what it shows again, through the same checks as any load. The
 * browser reconnects by itself after a drop, and the stream's first message ("ready") tells the
 * page to catch up on anything it missed meanwhile.
 */
export function followLive(onMessage: (message: LiveMessage) => void): () => void {
	if (typeof EventSource === 'undefined') {
		return () => undefined;
	}
	const source = new EventSource('/api/v1/events');
	source.onmessage = (event: MessageEvent<string>) => {
		try {
			const data: unknown = JSON.parse(event.data);
			if (data && typeof data === 'object' && 'kind' in data && typeof data.kind === 'string') {
				onMessage({
					kind: data.kind,
					id: 'id' in data && typeof data.id === 'string' ? data.id : ''
				});
			}
		} catch {
			// Not a message of ours; the next one will do.
		}
	};

	return () => source.close();
}

/**
 * Fetches what the page shows again, unless the person is on the way to another page: a refresh
 * started then would replace that navigation (a form's redirect, a tapped link) with this page.
 */
export function refreshPage() {
	if (!navigating.to) {
		void invalidateAll();
	}
}

/**
 * Keeps a page current: loads it again when the stream says `kind` changed, and after a
 * reconnect (a "ready" after the first, or "resync") in case something was missed meanwhile.
 */
export function refreshOn(kind: string): () => void {
	let connected = false;

	return followLive((message) => {
		const reconnected = message.kind === 'ready' && connected;
		if (message.kind === kind || message.kind === 'resync' || reconnected) {
			refreshPage();
		}
		if (message.kind === 'ready') {
			connected = true;
		}
	});
}

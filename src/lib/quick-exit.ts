/**
 * Quick exit (SAFE-13), in the browser: hide the page at once, ask the server to lock the private
 * areas, and replace this page in the history with a neutral site, so Back does not return to
 * it. Kept tiny: it ships with every signed-in page.
 */
export function quickExit(url: string, options: { lock: boolean }) {
	document.documentElement.classList.add('quick-exit-cover');
	document.title = '';
	if (options.lock) {
		// keepalive lets the request finish after the page is gone.
		fetch('/api/v1/lock', { method: 'POST', keepalive: true }).catch(() => undefined);
	}
	location.replace(url);
}

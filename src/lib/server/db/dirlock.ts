import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const LOCK_NAME = '.tend-lock.sock';

export type DirLock = { release: () => Promise<void> };

/**
 * Holds a data directory for this process. PGlite has no lock of its own, and two processes on one
 * directory read each other's pages. A listening unix socket is freed by the kernel when the
 * process dies, even on kill -9, so a stale socket file is told apart by a refused connection.
 * (A PID file would not work: in a container the app is always PID 1.)
 */
export async function lockDataDir(dir: string): Promise<DirLock> {
	const socketPath = path.join(dir, LOCK_NAME);

	if (fs.existsSync(socketPath)) {
		if (await isAlive(socketPath)) {
			throw new Error(`The data directory ${dir} is in use by another Tend process.`);
		}
		fs.rmSync(socketPath, { force: true });
	}

	const server = net.createServer((socket) => socket.end());
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(socketPath, () => resolve());
	});
	server.unref();

	return {
		release: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

function isAlive(socketPath: string): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(socketPath);
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

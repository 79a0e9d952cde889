import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './dirlock';

describe('lockDataDir', () => {
	it('refuses a second holder while the first is alive, and frees the dir on release', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-lock-'));
		const first = await lockDataDir(dir);
		await expect(lockDataDir(dir)).rejects.toThrow(/in use/);
		await first.release();
		const second = await lockDataDir(dir);
		await second.release();
	});

	it('takes over a stale socket left by a process that died', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-lock-'));
		// A socket file nobody listens on, as a killed process leaves behind.
		const stale = net.createServer();
		await new Promise<void>((resolve) => stale.listen(path.join(dir, '.tend-lock.sock'), resolve));
		const file = path.join(dir, '.tend-lock.sock');
		const copy = `${file}.keep`;
		fs.renameSync(file, copy);
		await new Promise<void>((resolve) => stale.close(() => resolve()));
		fs.renameSync(copy, file);
		expect(fs.existsSync(file)).toBe(true);

		const lock = await lockDataDir(dir);
		await lock.release();
	});
});

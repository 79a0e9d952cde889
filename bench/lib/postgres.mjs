import crypto from 'node:crypto';
import pg from 'pg';

/** A fresh, empty database for one bench run; `drop` removes it. */
export async function createScratchDatabase(baseUrl) {
	const name = `tend_bench_${crypto.randomBytes(6).toString('hex')}`;
	await adminQuery(baseUrl, `create database ${name}`);
	const url = new URL(baseUrl);
	url.pathname = `/${name}`;

	return {
		url: url.toString(),
		drop: () => adminQuery(baseUrl, `drop database if exists ${name} with (force)`)
	};
}

async function adminQuery(url, sql) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

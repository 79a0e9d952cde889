import crypto from 'node:crypto';
import pg from 'pg';

/** A fresh, empty database on the server at `baseUrl`; `drop` removes it again. */
export async function createScratchDatabase(baseUrl: string, prefix: string) {
	const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
	await adminQuery(baseUrl, `create database ${name}`);
	const url = new URL(baseUrl);
	url.pathname = `/${name}`;

	return {
		url: url.toString(),
		drop: () => adminQuery(baseUrl, `drop database if exists ${name} with (force)`)
	};
}

async function adminQuery(url: string, sql: string) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

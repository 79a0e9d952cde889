import { send, stringAt, valueAt } from './http';
import type { Account, Ledger, Pair, PairState } from './ledger';

/**
 * Checks a restarted server against the ledger and returns every violation found: each
 * acknowledged sign-up can log in; each pair is in a state its acknowledged writes allow (or the
 * one its unanswered write would have made); and nobody is half-linked. Pairs left in doubt are
 * then settled to what the server shows, so later rounds expect exactly that.
 */
export async function verifyLedger(base: string, ledger: Ledger): Promise<string[]> {
	const violations: string[] = [];
	const partners = new Map<string, string | null>();
	await forEachLimited(ledger.accounts, 4, async (account) => {
		const partner = await readPartner(base, ledger, account, violations);
		if (partner !== undefined) {
			partners.set(account.id, partner);
		}
	});

	checkSymmetry(partners, violations);
	const paired = new Set<string>();
	for (const pair of ledger.pairs) {
		paired.add(pair.inviter.id).add(pair.joiner.id);
		checkPair(pair, partners, violations);
	}
	for (const account of ledger.accounts) {
		if (!paired.has(account.id) && partners.get(account.id)) {
			violations.push(`${account.email} was never linked but has a partner`);
		}
	}

	return violations;
}

/**
 * The partner's id (or null) in GET /me, or undefined when it could not be read. A new account
 * first logs in afresh; one that did so after an earlier crash uses that session (no password
 * hashing, so the rounds stay quick).
 */
async function readPartner(base: string, ledger: Ledger, account: Account, violations: string[]) {
	const { email, password, address } = account;
	if (!ledger.loggedInAgain.has(account.id)) {
		const body = { email, password };
		const login = await send(base, 'POST', '/api/v1/auth/login', { address, body });
		if (login.status !== 200 || !login.cookie) {
			violations.push(`${email} (acknowledged sign-up) cannot log in: ${login.status}`);

			return undefined;
		}
		account.cookie = login.cookie;
		ledger.loggedInAgain.add(account.id);
	}
	const me = await send(base, 'GET', '/api/v1/me', account);
	if (me.status !== 200 || stringAt(me.body, 'user', 'id') !== account.id) {
		violations.push(`${email}: GET /me answered ${me.status} ${JSON.stringify(me.body)}`);

		return undefined;
	}
	const partner = valueAt(me.body, ['partner']);

	return partner === null ? null : stringAt(partner, 'id');
}

function checkSymmetry(partners: Map<string, string | null>, violations: string[]) {
	for (const [id, partner] of partners) {
		if (partner && partners.has(partner) && partners.get(partner) !== id) {
			violations.push(`half-linked: ${id} sees ${partner}, who sees ${partners.get(partner)}`);
		}
	}
}

function checkPair(pair: Pair, partners: Map<string, string | null>, violations: string[]) {
	const a = partners.get(pair.inviter.id);
	const b = partners.get(pair.joiner.id);
	if (a === undefined || b === undefined) {
		return;
	}
	const together = a === pair.joiner.id && b === pair.inviter.id;
	const apart = a === null && b === null;
	const allowed = pair.pending ? [pair.state, pair.pending] : [pair.state];
	const fits = together ? allowed.includes('linked') : apart && allowed.some(isApart);
	if (!fits) {
		const seen = together ? 'linked' : apart ? 'not linked' : `half-linked (${a} / ${b})`;
		violations.push(
			`${pair.inviter.email} + ${pair.joiner.email}: expected ${allowed.join(' or ')}, found ${seen}`
		);

		return;
	}
	settle(pair, together);
}

function settle(pair: Pair, together: boolean) {
	if (together) {
		pair.state = 'linked';
	} else if (pair.pending === 'unlinked') {
		pair.state = 'unlinked';
	}
	pair.pending = null;
}

function isApart(state: PairState) {
	return state !== 'linked';
}

async function forEachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<void>) {
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const item = items[next];
			next += 1;
			await run(item);
		}
	};
	await Promise.all(Array.from({ length: limit }, worker));
}

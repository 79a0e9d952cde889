import { send, stringAt, valueAt } from './http';
import { utcToday, type Account, type Ledger, type Pair, type PairState } from './ledger';

/**
 * Checks a restarted server against the ledger and returns every violation found: each
 * acknowledged sign-up can log in, and each deleted account cannot; each acknowledged check-in
 * and answer is there; each pair is in a state its acknowledged writes allow (or the one its
 * unanswered write would have made); nobody is half-linked; and nobody sees a check-in or an
 * answer of anyone but their partner of now. Writes left in doubt are then settled to what the
 * server shows, so later rounds expect exactly that.
 */
export async function verifyLedger(base: string, ledger: Ledger): Promise<string[]> {
	const violations: string[] = [];
	const gone = ledger.accounts.filter((account) => account.deleted === 'yes');
	await forEachLimited(
		gone.filter((account) => !account.goneConfirmed),
		4,
		(account) => checkGone(base, account, violations)
	);
	const partners = new Map<string, string | null>();
	await forEachLimited(
		ledger.accounts.filter((account) => account.deleted !== 'yes'),
		4,
		async (account) => {
			const partner = await readPartner(base, ledger, account, violations);
			if (partner !== undefined) {
				partners.set(account.id, partner);
				await checkContent(base, ledger, account, partner, violations);
			}
		}
	);

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

/** A deleted account cannot sign in any more. */
async function checkGone(base: string, account: Account, violations: string[]) {
	const { email, password, address } = account;
	const login = await send(base, 'POST', '/api/v1/auth/login', {
		address,
		body: { email, password }
	});
	if (login.status !== 401) {
		violations.push(`${email} (deleted) can still sign in: ${login.status}`);

		return;
	}
	account.goneConfirmed = true;
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

type Seen = { mine: boolean; note: string | null };

/**
 * Every acknowledged check-in and answer of the account is there; a check-in of someone else is
 * only ever the shared one of the partner of now, and a partner's answer only shows while linked.
 */
async function checkContent(
	base: string,
	ledger: Ledger,
	account: Account,
	partnerId: string | null,
	violations: string[]
) {
	const partner = ledger.accounts.find((other) => other.id === partnerId);
	const dates = [utcToday(), ...account.writes.map((write) => write.date)].sort();
	const range = `from=${shiftDay(dates[0], -1)}&to=${shiftDay(dates.at(-1) ?? dates[0], 1)}`;
	const listed = await send(base, 'GET', `/api/v1/checkins?${range}`, account);
	const seen = (valueAt(listed.body, ['checkins']) ?? []) as Seen[];
	const sharedByPartner = (partner?.writes ?? [])
		.filter((write) => write.kind === 'checkin' && write.shared)
		.map((write) => write.text);
	for (const other of seen.filter((checkin) => !checkin.mine)) {
		if (!other.note || !sharedByPartner.includes(other.note)) {
			violations.push(`${account.email} sees a check-in of someone it is not linked with`);
		}
	}

	for (const write of [...account.writes]) {
		let found: boolean;
		if (write.kind === 'checkin') {
			found = seen.some((checkin) => checkin.mine && checkin.note === write.text);
		} else {
			const day = await send(base, 'GET', `/api/v1/questions/${write.date}`, account);
			found = valueAt(day.body, ['answer', 'text']) === write.text;
			const theirs = valueAt(day.body, ['partnerAnswer', 'text']);
			const allowed = (partner?.writes ?? []).some(
				(other) => other.kind === 'answer' && other.text === theirs
			);
			if (theirs !== undefined && theirs !== null && !allowed) {
				violations.push(`${account.email} sees an answer of someone it is not linked with`);
			}
		}
		settleWrite(account, write, found, violations);
	}
}

function settleWrite(
	account: Account,
	write: Account['writes'][number],
	found: boolean,
	violations: string[]
) {
	if (found) {
		write.fate = 'acked';
	} else if (write.fate === 'acked') {
		violations.push(`${account.email}: acknowledged ${write.kind} of ${write.date} is missing`);
	} else {
		account.writes.splice(account.writes.indexOf(write), 1);
	}
}

function checkSymmetry(partners: Map<string, string | null>, violations: string[]) {
	for (const [id, partner] of partners) {
		if (partner && partners.has(partner) && partners.get(partner) !== id) {
			violations.push(`half-linked: ${id} sees ${partner}, who sees ${partners.get(partner)}`);
		}
	}
}

function checkPair(pair: Pair, partners: Map<string, string | null>, violations: string[]) {
	const members = [pair.inviter, pair.joiner];
	if (members.some((member) => member.deleted === 'yes')) {
		// A deleted account's link ended with it: the other sees no partner, not half a link.
		for (const member of members.filter((m) => m.deleted !== 'yes')) {
			if (partners.get(member.id)) {
				violations.push(`${member.email} is still linked after its partner's account went`);
			}
		}
		pair.pending = null;

		return;
	}
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

function shiftDay(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
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

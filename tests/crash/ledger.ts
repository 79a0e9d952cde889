/** What the clients were told: every write acknowledged with a 2xx, and the ones left in doubt. */

export type Account = {
	email: string;
	password: string;
	name: string;
	/** The simulated client address, so each person has their own rate-limit buckets. */
	address: string;
	id: string;
	cookie: string;
};

/** `apart`: never linked; `linked`; `unlinked`: linked, then one of them left. */
export type PairState = 'apart' | 'linked' | 'unlinked';

export type Pair = {
	inviter: Account;
	joiner: Account;
	state: PairState;
	/** A write that was sent but got no answer: the state may have moved to this one. */
	pending: PairState | null;
};

export type Ledger = {
	accounts: Account[];
	pairs: Pair[];
	/** Writes that got no answer because the server was killed. */
	unanswered: number;
	/** Answers that were neither the expected 2xx nor a dead connection: always a failure. */
	unexpected: string[];
	/** Accounts already shown to log in after a crash; later rounds read them with their session. */
	loggedInAgain: Set<string>;
};

export function newLedger(): Ledger {
	return { accounts: [], pairs: [], unanswered: 0, unexpected: [], loggedInAgain: new Set() };
}

export function summarize(ledger: Ledger) {
	const linked = ledger.pairs.filter((pair) => pair.state !== 'apart').length;
	const unlinked = ledger.pairs.filter((pair) => pair.state === 'unlinked').length;

	return `${ledger.accounts.length} sign-ups, ${linked} links, ${unlinked} unlinks acknowledged`;
}

const PASSWORD = 'a calm lake at dawn 7';
let serial = 0;

/** A new person with a unique email and client address (10.x.y.z, never contacted). */
export function newPerson(tag: string) {
	serial += 1;
	const address = `10.${(serial >> 16) & 255}.${(serial >> 8) & 255}.${serial & 255}`;

	return {
		email: `crash-${tag}-${serial}@example.test`,
		password: PASSWORD,
		name: `Person ${serial}`,
		address
	};
}

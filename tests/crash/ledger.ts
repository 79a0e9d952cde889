/** What the clients were told: every write acknowledged with a 2xx, and the ones left in doubt. */

/**
 * A write's fate as the client knows it: `acked` (a 2xx arrived), `pending` (sent, no answer:
 * the server died, so it may or may not have happened).
 */
export type Fate = 'acked' | 'pending';

/** A check-in or an answer, with its unique text so it can be found again. */
export type ContentWrite = {
	kind: 'checkin' | 'answer';
	date: string;
	text: string;
	/** A check-in shared with the partner of that moment. */
	shared: boolean;
	fate: Fate;
};

export type Account = {
	email: string;
	password: string;
	name: string;
	/** The simulated client address, so each person has their own rate-limit buckets. */
	address: string;
	id: string;
	cookie: string;
	writes: ContentWrite[];
	/** `no`; `pending` (a deletion got no answer); `yes` (acknowledged, or found done). */
	deleted: 'no' | 'pending' | 'yes';
	/** Shown, after a deletion, to be unable to sign in. */
	goneConfirmed: boolean;
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

export function newAccount(
	person: ReturnType<typeof newPerson>,
	id: string,
	cookie: string
): Account {
	return { ...person, id, cookie, writes: [], deleted: 'no', goneConfirmed: false };
}

export type Figures = Record<
	'signUps' | 'links' | 'unlinks' | 'checkins' | 'answers' | 'deletions' | 'unanswered',
	number
>;

export function figures(ledger: Ledger): Figures {
	const writes = ledger.accounts.flatMap((account) => account.writes);
	const acked = (kind: ContentWrite['kind']) =>
		writes.filter((write) => write.kind === kind && write.fate === 'acked').length;

	return {
		signUps: ledger.accounts.length,
		links: ledger.pairs.filter((pair) => pair.state !== 'apart').length,
		unlinks: ledger.pairs.filter((pair) => pair.state === 'unlinked').length,
		checkins: acked('checkin'),
		answers: acked('answer'),
		deletions: ledger.accounts.filter((account) => account.deleted === 'yes').length,
		unanswered: ledger.unanswered
	};
}

export function summarize(ledger: Ledger) {
	const f = figures(ledger);

	return (
		`${f.signUps} sign-ups, ${f.links} links, ${f.unlinks} unlinks, ${f.checkins} check-ins, ` +
		`${f.answers} answers, ${f.deletions} account deletions acknowledged`
	);
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

/** The UTC date now: every simulated person keeps the default time zone, UTC. */
export function utcToday(): string {
	return new Date().toISOString().slice(0, 10);
}

import crypto from 'node:crypto';
import { NoAnswer, send, stringAt, type Answer } from './http';
import {
	newAccount,
	newPerson,
	utcToday,
	type Account,
	type ContentWrite,
	type Ledger,
	type Pair
} from './ledger';

export type WriterOptions = {
	base: string;
	ledger: Ledger;
	random: () => number;
	tag: string;
	signUpWriters: number;
	pairWriters: number;
};

type Run = WriterOptions & { stopped: boolean };

/**
 * Starts concurrent writers. Some sign people up, who then check in, answer and sometimes
 * delete their account; others sign up two people who link through an invite, share a check-in
 * and answer, and sometimes unlink or delete one of the accounts. They stop at the first write
 * left unanswered. Each account is written by one writer only, one request at a time.
 */
export function startWriters(options: WriterOptions) {
	const run: Run = { ...options, stopped: false };
	const loops = [
		...Array.from({ length: options.signUpWriters }, () => soloLoop(run)),
		...Array.from({ length: options.pairWriters }, () => pairLoop(run))
	];

	return {
		stop: () => {
			run.stopped = true;
		},
		finished: Promise.all(loops).then(() => undefined)
	};
}

async function soloLoop(run: Run) {
	while (!run.stopped) {
		const person = await signUp(run);
		if (!person || !(await practiseAlone(run, person))) {
			return;
		}
	}
}

async function practiseAlone(run: Run, person: Account): Promise<boolean> {
	if (run.random() < 0.5 && !(await checkIn(run, person, false))) {
		return false;
	}
	if (run.random() < 0.5 && !(await answer(run, person))) {
		return false;
	}

	return run.random() < 0.25 ? deleteAccount(run, person) : true;
}

async function pairLoop(run: Run) {
	while (!run.stopped) {
		const [inviter, joiner] = await Promise.all([signUp(run), signUp(run)]);
		if (!inviter || !joiner || !(await linkAndPractise(run, inviter, joiner))) {
			return;
		}
	}
}

async function linkAndPractise(run: Run, inviter: Account, joiner: Account): Promise<boolean> {
	const pair = await linkPair(run, inviter, joiner);
	if (!pair) {
		return false;
	}
	const practised =
		(await checkIn(run, inviter, true)) &&
		(await answer(run, joiner)) &&
		(await answer(run, inviter));
	if (!practised) {
		return false;
	}
	if (run.random() < 0.4 && !(await unlink(run, pair))) {
		return false;
	}

	return run.random() < 0.3 ? deleteAccount(run, run.random() < 0.5 ? inviter : joiner) : true;
}

async function linkPair(run: Run, inviter: Account, joiner: Account): Promise<Pair | null> {
	const invite = await write(run, 'invite', 201, () =>
		send(run.base, 'POST', '/api/v1/couple/invites', inviter)
	);
	if (!invite) {
		return null;
	}
	const pair: Pair = { inviter, joiner, state: 'apart', pending: 'linked' };
	run.ledger.pairs.push(pair);
	const code = stringAt(invite.body, 'code');
	const joined = await write(run, 'join', 200, () =>
		send(run.base, 'POST', '/api/v1/couple/join', { ...joiner, body: { code } })
	);
	if (!joined) {
		return null;
	}
	pair.state = 'linked';
	pair.pending = null;

	return pair;
}

async function unlink(run: Run, pair: Pair): Promise<boolean> {
	pair.pending = 'unlinked';
	const leaver = run.random() < 0.5 ? pair.inviter : pair.joiner;
	const left = await write(run, 'unlink', 204, () =>
		send(run.base, 'DELETE', '/api/v1/couple', leaver)
	);
	if (!left) {
		return false;
	}
	pair.state = 'unlinked';
	pair.pending = null;

	return true;
}

async function checkIn(run: Run, person: Account, shared: boolean): Promise<boolean> {
	const text = `note-${crypto.randomBytes(6).toString('hex')}`;
	const body = {
		mood: 3,
		feelings: ['glad'],
		note: text,
		visibility: shared ? 'shared' : 'private'
	};

	return content(run, person, { kind: 'checkin', text, shared }, (date) =>
		send(run.base, 'PUT', `/api/v1/checkins/${date}`, { ...person, body })
	);
}

async function answer(run: Run, person: Account): Promise<boolean> {
	const text = `answer-${crypto.randomBytes(6).toString('hex')}`;

	return content(run, person, { kind: 'answer', text, shared: false }, (date) =>
		send(run.base, 'POST', `/api/v1/questions/${date}/answer`, { ...person, body: { text } })
	);
}

/** A check-in or answer for the person's today; if the UTC day turned meanwhile, once more. */
async function content(
	run: Run,
	person: Account,
	what: Pick<ContentWrite, 'kind' | 'text' | 'shared'>,
	call: (date: string) => Promise<Answer>
): Promise<boolean> {
	const entry: ContentWrite = { ...what, date: utcToday(), fate: 'pending' };
	person.writes.push(entry);
	const attempt = async () => {
		const answered = await call(entry.date);
		if (answered.status === 400 && utcToday() !== entry.date) {
			entry.date = utcToday();

			return call(entry.date);
		}

		return answered;
	};
	if (!(await write(run, what.kind, 200, attempt))) {
		return false;
	}
	entry.fate = 'acked';

	return true;
}

async function deleteAccount(run: Run, person: Account): Promise<boolean> {
	person.deleted = 'pending';
	const deleted = await write(run, 'delete account', 204, () =>
		send(run.base, 'DELETE', '/api/v1/me', { ...person, body: { password: person.password } })
	);
	if (!deleted) {
		return false;
	}
	person.deleted = 'yes';

	return true;
}

async function signUp(run: Run): Promise<Account | null> {
	const person = newPerson(run.tag);
	const { email, password, name } = person;
	const answered = await write(run, 'sign-up', 201, () =>
		send(run.base, 'POST', '/api/v1/auth/register', {
			address: person.address,
			body: { email, password, name }
		})
	);
	if (!answered?.cookie) {
		return null;
	}
	const account = newAccount(person, stringAt(answered.body, 'user', 'id'), answered.cookie);
	run.ledger.accounts.push(account);

	return account;
}

/** The answer when it is the expected 2xx; otherwise records why and returns null. */
async function write(
	run: Run,
	label: string,
	expected: number,
	call: () => Promise<Answer>
): Promise<Answer | null> {
	try {
		const answered = await call();
		if (answered.status === expected) {
			return answered;
		}
		run.ledger.unexpected.push(`${label}: ${answered.status} ${JSON.stringify(answered.body)}`);
	} catch (error) {
		if (!(error instanceof NoAnswer)) {
			throw error;
		}
		run.ledger.unanswered += 1;
	}

	return null;
}

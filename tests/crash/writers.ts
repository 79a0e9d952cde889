import { NoAnswer, send, stringAt, type Answer } from './http';
import { newPerson, type Account, type Ledger, type Pair } from './ledger';

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
 * Starts concurrent writers: some only sign people up, others sign up two people who link
 * through an invite and sometimes unlink again. They stop at the first write left unanswered.
 */
export function startWriters(options: WriterOptions) {
	const run: Run = { ...options, stopped: false };
	const loops = [
		...Array.from({ length: options.signUpWriters }, () => signUpLoop(run)),
		...Array.from({ length: options.pairWriters }, () => pairLoop(run))
	];

	return {
		stop: () => {
			run.stopped = true;
		},
		finished: Promise.all(loops).then(() => undefined)
	};
}

async function signUpLoop(run: Run) {
	while (!run.stopped && (await signUp(run))) {
		// Each turn signs one more person up.
	}
}

async function pairLoop(run: Run) {
	while (!run.stopped) {
		const [inviter, joiner] = await Promise.all([signUp(run), signUp(run)]);
		if (!inviter || !joiner || !(await linkAndMaybeUnlink(run, inviter, joiner))) {
			return;
		}
	}
}

async function linkAndMaybeUnlink(run: Run, inviter: Account, joiner: Account): Promise<boolean> {
	const invite = await write(run, 'invite', 201, () =>
		send(run.base, 'POST', '/api/v1/couple/invites', inviter)
	);
	if (!invite) {
		return false;
	}
	const pair: Pair = { inviter, joiner, state: 'apart', pending: 'linked' };
	run.ledger.pairs.push(pair);
	const code = stringAt(invite.body, 'code');
	const joined = await write(run, 'join', 200, () =>
		send(run.base, 'POST', '/api/v1/couple/join', { ...joiner, body: { code } })
	);
	if (!joined) {
		return false;
	}
	pair.state = 'linked';
	pair.pending = null;
	if (run.random() >= 0.4) {
		return true;
	}

	pair.pending = 'unlinked';
	const leaver = run.random() < 0.5 ? inviter : joiner;
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

async function signUp(run: Run): Promise<Account | null> {
	const person = newPerson(run.tag);
	const { email, password, name } = person;
	const answer = await write(run, 'sign-up', 201, () =>
		send(run.base, 'POST', '/api/v1/auth/register', {
			address: person.address,
			body: { email, password, name }
		})
	);
	if (!answer?.cookie) {
		return null;
	}
	const account = { ...person, id: stringAt(answer.body, 'user', 'id'), cookie: answer.cookie };
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
		const answer = await call();
		if (answer.status === expected) {
			return answer;
		}
		run.ledger.unexpected.push(`${label}: ${answer.status} ${JSON.stringify(answer.body)}`);
	} catch (error) {
		if (!(error instanceof NoAnswer)) {
			throw error;
		}
		run.ledger.unanswered += 1;
	}

	return null;
}

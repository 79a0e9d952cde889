import crypto from 'node:crypto';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { changePassword } from '../accounts/accounts.service';
import { signIn } from '../accounts/sign-in.service';
import { createInvite, joinCouple, leaveCouple } from '../couples/couples.service';
import { saveCheckin } from '../checkins/checkins.service';
import { answerQuestion, followUpAnswer } from '../questions/questions.service';
import {
	createAppreciation,
	shareKeptAppreciationsWithPartner
} from '../appreciations/appreciations.service';
import { respond } from '../responses/responses.service';
import { updatePracticeSettings } from '../practice/practice.service';
import { startSession } from '../sessions/sessions.service';
import { getContent } from '$lib/content';
import { buildCtx, createPerson, TEST_PASSWORD } from './factories';

import { startConversation } from '../conversations/conversations.service';
import {
	receiveConversationAnswer,
	saveConversationAnswer
} from '../conversations/answers.service';

/**
 * A small world with a history, for the export and deletion tests. Seen from Alex (`a`):
 * - day 1, alone: a private check-in, a solo answer, an appreciation kept for later;
 * - day 2, linked with Cleo (`c`): both share and answer, follow up, respond, appreciate;
 *   then Alex leaves, so Cleo is an ex;
 * - day 3, linked with Bo (`b`): both share and answer, follow up, respond, appreciate; Alex
 *   shares the kept appreciation; Bo had kept one of his own before the link;
 * - day 4: Bo checks in privately and answers; Alex passes, so Bo's answer stays hidden.
 * Dana and Eli (`d`, `e`) are another couple. Every text is unique, so tests can look for it.
 */
export async function buildRichWorld(db: Db) {
	let now = new Date('2026-03-01T12:00:00Z');
	const clock = () => now;
	const nextDay = () => {
		now = new Date(now.getTime() + 24 * 60 * 60 * 1000);
	};
	const date = () => now.toISOString().slice(0, 10);
	const text = (label: string) => `${label}-${crypto.randomBytes(4).toString('hex')}`;
	const feeling = getContent().feelings.families[0].feelings[0].id;
	const checkin = (note: string, visibility: 'private' | 'shared') => ({
		mood: 3,
		feelings: [feeling],
		note,
		needs: ['listen' as const],
		visibility
	});
	const person = async (name: string) => {
		const made = await createPerson(db, { name, now: clock });

		return { ...made, ctx: { ...made.ctx, now: clock } };
	};
	const link = async (inviter: Ctx, joiner: Ctx) =>
		joinCouple(joiner, { code: (await createInvite(inviter)).code });

	const a = await person('Alex');
	const b = await person('Bo');
	const c = await person('Cleo');
	const d = await person('Dana');
	const e = await person('Eli');
	const s = {
		aSolo: text('a-solo-checkin'),
		aSoloAnswer: text('a-solo-answer'),
		aKept: text('a-kept-appreciation'),
		cShared: text('c-shared-checkin'),
		cAnswer: text('c-answer'),
		aAnswerWithC: text('a-answer-with-c'),
		aFollowupToC: text('a-followup-to-c'),
		cFollowupToA: text('c-followup-to-a'),
		aReplyToC: text('a-reply-to-c'),
		aAppreciationToC: text('a-appreciation-to-c'),
		cAppreciation: text('c-appreciation-to-a'),
		bKept: text('b-kept-appreciation'),
		bShared: text('b-shared-checkin'),
		aPrivate: text('a-private-checkin'),
		bAnswer: text('b-answer'),
		aAnswer: text('a-answer'),
		bFollowupToA: text('b-followup-to-a'),
		aFollowupToB: text('a-followup-to-b'),
		bReplyToA: text('b-reply-to-a'),
		aReplyToB: text('a-reply-to-b'),
		aAppreciationToB: text('a-appreciation-to-b'),
		bAppreciationToA: text('b-appreciation-to-a'),
		bPrivate: text('b-private-checkin'),
		bHiddenAnswer: text('b-hidden-answer'),
		aShared: text('a-shared-checkin'),
		aTalkShared: text('a-talk-shared'),
		aTalkPrivate: text('a-talk-private'),
		bTalkPrivate: text('b-talk-private'),
		dShared: text('d-shared-checkin'),
		eAnswer: text('e-answer')
	};

	// Day 1: Alex alone, with some sign-in traces (rate-limit rows keyed to Alex).
	await saveCheckin(a.ctx, date(), checkin(s.aSolo, 'shared'));
	await answerQuestion(a.ctx, date(), { text: s.aSoloAnswer });
	await createAppreciation(a.ctx, { text: s.aKept });
	await updatePracticeSettings(a.ctx, { depth: 'deep', kinds: ['emotional'], avoidTopics: [] });
	await startSession(a.ctx, a.user.id);
	await signIn(buildCtx(db), { email: a.email, password: 'not the password' }).catch(() => null);
	await changePassword(a.ctx, {
		currentPassword: 'not the password',
		newPassword: 'x'
	}).catch(() => null);

	// Day 2: linked with Cleo, then Alex leaves.
	nextDay();
	await link(c.ctx, a.ctx);
	const cCheckin = await saveCheckin(c.ctx, date(), checkin(s.cShared, 'shared'));
	await answerQuestion(c.ctx, date(), { text: s.cAnswer });
	await answerQuestion(a.ctx, date(), { text: s.aAnswerWithC });
	await followUpAnswer(a.ctx, date(), { text: s.aFollowupToC });
	await followUpAnswer(c.ctx, date(), { text: s.cFollowupToA });
	await respond(a.ctx, {
		itemType: 'checkin',
		itemId: cCheckin.id,
		kind: 'reply',
		text: s.aReplyToC
	});
	await createAppreciation(a.ctx, { text: s.aAppreciationToC });
	await createAppreciation(c.ctx, { text: s.cAppreciation });
	await leaveCouple(a.ctx);

	// Day 3: Bo keeps one for later, then links with Alex.
	nextDay();
	await createAppreciation(b.ctx, { text: s.bKept });
	await link(a.ctx, b.ctx);
	const bCheckin = await saveCheckin(b.ctx, date(), checkin(s.bShared, 'shared'));
	await saveCheckin(a.ctx, date(), checkin(s.aPrivate, 'private'));
	await answerQuestion(b.ctx, date(), { text: s.bAnswer });
	await answerQuestion(a.ctx, date(), { text: s.aAnswer });
	await followUpAnswer(b.ctx, date(), { text: s.bFollowupToA });
	await followUpAnswer(a.ctx, date(), { text: s.aFollowupToB });
	const aGift = await createAppreciation(a.ctx, { text: s.aAppreciationToB });
	await createAppreciation(b.ctx, { text: s.bAppreciationToA });
	await shareKeptAppreciationsWithPartner(a.ctx);
	await respond(b.ctx, {
		itemType: 'appreciation',
		itemId: aGift.id,
		kind: 'reply',
		text: s.bReplyToA
	});
	await respond(a.ctx, {
		itemType: 'checkin',
		itemId: bCheckin.id,
		kind: 'reply',
		text: s.aReplyToB
	});
	// A conversation of Alex and Bo: one answer shared and received, a private note each.
	const { conversation: talk } = await startConversation(a.ctx, {
		kind: 'vulnerability',
		mode: 'two-phone'
	});
	const stem = talk.prompt?.id ?? '';
	const aShared = await saveConversationAnswer(a.ctx, talk.id, {
		promptId: stem,
		text: s.aTalkShared,
		visibility: 'shared'
	});
	await receiveConversationAnswer(b.ctx, talk.id, aShared.id, {
		responseId: getContent().listening.receivingResponses[0].id
	});
	const { conversation: alone } = await startConversation(a.ctx, {
		kind: 'vulnerability',
		mode: 'solo'
	});
	await saveConversationAnswer(a.ctx, alone.id, {
		promptId: alone.prompt?.id ?? '',
		text: s.aTalkPrivate,
		visibility: 'private'
	});
	const { conversation: bAlone } = await startConversation(b.ctx, {
		kind: 'vulnerability',
		mode: 'solo'
	});
	await saveConversationAnswer(b.ctx, bAlone.id, {
		promptId: bAlone.prompt?.id ?? '',
		text: s.bTalkPrivate,
		visibility: 'private'
	});
	await link(d.ctx, e.ctx);
	await saveCheckin(d.ctx, date(), checkin(s.dShared, 'shared'));
	await answerQuestion(e.ctx, date(), { text: s.eAnswer });

	// Day 4: Bo's private check-in, and an answer Alex does not get to see.
	nextDay();
	await saveCheckin(b.ctx, date(), checkin(s.bPrivate, 'private'));
	await answerQuestion(b.ctx, date(), { text: s.bHiddenAnswer });
	await answerQuestion(a.ctx, date(), { pass: true });
	await saveCheckin(a.ctx, date(), checkin(s.aShared, 'shared'));

	return { a, b, c, d, e, s, clock, password: TEST_PASSWORD };
}

export type RichWorld = Awaited<ReturnType<typeof buildRichWorld>>;

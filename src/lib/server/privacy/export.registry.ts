import { z } from 'zod';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from '../context';
import type { Viewer } from '../access';
import {
	answerFollowups,
	answers,
	appreciations,
	checkins,
	conversationAnswers,
	conversationEvents,
	conversationParticipants,
	conversationResponses,
	conversations,
	coupleMembers,
	couples,
	dailyQuestions,
	invites,
	lockSettings,
	pastPartners,
	practiceSettings,
	responses,
	securityEvents,
	sessions,
	users
} from '../db/schema';
import { getMe } from '../accounts/accounts.service';
import { listSessions } from '../sessions/sessions.service';
import { getOpenInvite, listPastPartners } from '../couples/couples.service';
import { getPracticeSettings } from '../practice/practice.service';
import { visibleCheckins } from '../checkins/checkins.service';
import { listQuestionDaysWithFollowups } from '../questions/questions.service';
import { visibleAppreciations } from '../appreciations/appreciations.service';
import { visibleResponses } from '../responses/responses.service';
import { listSecurityLog } from '../security-log/security-log.service';
import { getLockSettings } from '../lock/lock-settings.service';
import { listConversations } from '../conversations/past.service';
import { practiceName } from '$lib/conversations';
import { securityEventLabel } from '$lib/security-events';
import * as m from '$lib/paraglide/messages';
import * as shape from './export.schemas';
import type { ExportItem, Presenter } from './export-html';

/**
 * The export registry: one entry per domain, each reading through that domain's own service
 * (so through the access module), never from tables directly. A test fails when a table that
 * holds people's rows is neither named by an entry here nor in NOT_EXPORTED: a new domain is
 * covered by adding one entry.
 */
export type ExportSection = {
	key: string;
	title: () => string;
	/** The tables whose rows this part shows. */
	tables: PgTable[];
	schema: z.ZodType;
	collect: (ctx: Ctx, viewer: Viewer) => Promise<unknown>;
	present: (data: unknown, p: Presenter) => ExportItem[];
};

type TypedSection<S extends z.ZodType> = Omit<ExportSection, 'schema' | 'collect' | 'present'> & {
	schema: S;
	collect: (ctx: Ctx, viewer: Viewer) => Promise<z.output<S>>;
	present: (data: z.output<S>, p: Presenter) => ExportItem[];
};

function section<S extends z.ZodType>(typed: TypedSection<S>): ExportSection {
	// `present` only ever gets what the same entry's `collect` returned.
	return { ...typed, present: (data, p) => typed.present(data as z.output<S>, p) };
}

const ALL_TIME = ['0001-01-01', '9999-12-31'] as const;

export const EXPORT_REGISTRY: ExportSection[] = [
	section({
		key: 'profile',
		title: m.export_profile,
		tables: [users],
		schema: shape.profileSchema,
		collect: async (ctx) => {
			const me = await getMe(ctx);

			return { ...me.user, ...me.profile };
		},
		present: (you) => [
			{
				title: you.name,
				fields: [
					[m.export_field_email(), you.email],
					[m.export_field_time_zone(), you.timeZone]
				]
			}
		]
	}),
	section({
		key: 'sessions',
		title: m.export_sessions,
		tables: [sessions],
		schema: shape.sessionsSchema,
		collect: (ctx) => listSessions(ctx),
		present: (list, p) =>
			list.map((session) => ({
				title: session.current ? m.export_this_device({ device: session.device }) : session.device,
				fields: [
					[m.export_field_signed_in(), p.moment(session.createdAt)],
					[m.export_field_last_used(), p.moment(session.lastUsedAt)]
				]
			}))
	}),
	section({
		key: 'partner',
		title: m.export_partner,
		tables: [couples, coupleMembers, pastPartners, invites],
		schema: shape.partnerSchema,
		collect: async (ctx, viewer) => ({
			current: viewer.partner ? { id: viewer.partner.id, name: viewer.partner.name } : null,
			past: await listPastPartners(ctx),
			openInvite: await getOpenInvite(ctx)
		}),
		present: (link, p) => [
			{ title: link.current ? m.export_linked({ name: link.current.name }) : m.export_unlinked() },
			...link.past.map((past) => ({
				title: m.export_past_partner({ name: past.name }),
				fields: past.blocked ? [[m.export_field_blocked(), m.export_yes()] as const] : []
			})),
			...(link.openInvite
				? [{ title: m.export_open_invite({ until: p.moment(link.openInvite.expiresAt) }) }]
				: [])
		]
	}),
	section({
		key: 'practice',
		title: m.export_practice,
		tables: [practiceSettings],
		schema: shape.practiceSchema,
		collect: (ctx) => getPracticeSettings(ctx),
		present: (pace, p) => [
			{
				title: m.export_practice(),
				fields: [
					[m.export_field_depth(), p.depth(pace.depth)],
					[m.export_field_kinds(), pace.kinds.map(p.kind).join('\n')],
					[m.export_field_avoid(), pace.avoidTopics.map(p.topic).join('\n') || m.export_none()]
				]
			}
		]
	}),
	section({
		key: 'checkins',
		title: m.export_checkins,
		tables: [checkins],
		schema: shape.checkinsSchema,
		collect: (ctx, viewer) => visibleCheckins(ctx, viewer, ...ALL_TIME),
		present: (list, p) =>
			list.map((checkin) => ({
				title: `${p.date(checkin.date)} · ${p.who(checkin.mine)}`,
				fields: [
					[m.export_field_mood(), p.mood(checkin.mood)],
					[m.export_field_feelings(), checkin.feelings.map(p.feeling).join(', ')],
					[m.export_field_needs(), checkin.needs.map(p.need).join(', ') || m.export_none()],
					[m.export_field_visibility(), p.visibility(checkin.visibility)]
				],
				text: checkin.note
			}))
	}),
	section({
		key: 'questions',
		title: m.export_questions,
		tables: [answers, answerFollowups, dailyQuestions],
		schema: shape.questionsSchema,
		collect: (ctx, viewer) => listQuestionDaysWithFollowups(ctx, viewer, ...ALL_TIME),
		present: (days, p) =>
			days.map((day) => ({
				title: p.date(day.date),
				text: day.question?.text ?? null,
				fields: [
					[m.export_field_your_answer(), day.answer?.text ?? m.export_passed()],
					...(day.partnerAnswer
						? [
								[
									m.export_field_their_answer({ name: p.who(false) }),
									day.partnerAnswer.text ?? m.export_passed()
								] as const
							]
						: []),
					...(day.followups.mine
						? [[m.export_field_your_followup(), day.followups.mine] as const]
						: []),
					...(day.followups.partner
						? [[m.export_field_partner_followup(), day.followups.partner] as const]
						: [])
				]
			}))
	}),
	section({
		key: 'appreciations',
		title: m.export_appreciations,
		tables: [appreciations],
		schema: shape.appreciationsSchema,
		collect: (ctx, viewer) => visibleAppreciations(ctx, viewer, { all: true }),
		present: (jar, p) =>
			jar.map((item) => ({ title: `${p.date(item.date)} · ${p.who(item.mine)}`, text: item.text }))
	}),
	section({
		key: 'responses',
		title: m.export_responses,
		tables: [responses],
		schema: shape.responsesSchema,
		collect: (ctx, viewer) => visibleResponses(ctx, viewer),
		present: (list, p) =>
			list.map((response) => ({
				title: `${p.moment(response.createdAt)} · ${p.who(response.mine)}`,
				text: response.text
			}))
	}),
	section({
		key: 'conversations',
		title: m.export_conversations,
		tables: [
			conversations,
			conversationParticipants,
			conversationEvents,
			conversationAnswers,
			conversationResponses
		],
		schema: shape.conversationsSchema,
		collect: (ctx) => listConversations(ctx),
		present: (talk, p) =>
			[...talk.conversations, ...talk.earlier].flatMap((conversation) => [
				{ title: `${p.moment(conversation.startedAt)} · ${practiceName(conversation.kind)}` },
				...conversation.answers.map((answer) => ({
					title: `${answer.prompt ?? answer.promptId} · ${p.who(answer.mine)}`,
					fields: [
						[m.export_field_visibility(), p.visibility(answer.visibility)] as const,
						...answer.responses.map((response) => [p.who(response.mine), response.text] as const)
					],
					text: answer.text
				}))
			])
	}),
	section({
		key: 'lock',
		title: m.export_lock,
		tables: [lockSettings],
		schema: shape.lockSchema,
		collect: (ctx) => getLockSettings(ctx),
		present: (lock) => [
			{
				title: m.export_lock(),
				fields: [
					[m.export_field_lock_after(), m.lock_idle_option({ minutes: lock.idleMinutes })],
					[m.export_field_pin(), lock.pin ? m.export_yes() : m.export_no()]
				]
			}
		]
	}),
	section({
		key: 'securityLog',
		title: m.export_security_log,
		tables: [securityEvents],
		schema: shape.securityLogSchema,
		collect: (ctx) => listSecurityLog(ctx),
		present: (log, p) =>
			log.map((entry) => ({
				title: `${p.moment(entry.at)} · ${securityEventLabel(entry.kind)}`,
				text: entry.device
			}))
	})
];

/** Tables with people's rows that an export leaves out on purpose, and why. */
export const NOT_EXPORTED: Record<string, string> = {
	rate_limits: 'Counters of recent attempts under keyed hashes: nothing anyone wrote or can read.',
	two_factor:
		'The authenticator key, sealed: a copy in a file would be a second factor for whoever finds it.',
	recovery_codes: 'Only hashes of the codes are kept; the codes themselves were shown once.',
	pending_sign_ins: 'Tickets of sign-ins waiting for their code, hashed and gone within minutes.',
	password_resets: 'Hashes of reset links, single use and gone within the hour.',
	mail_outbox: 'Account mail waiting to be sent, sealed, and deleted once sent.'
};

export const EXPORT_FORMAT = 'tend-export';
export const EXPORT_VERSION = 1;

/** The whole export as one zod schema: a header, then one key per registry entry. */
export function exportSchema() {
	return z
		.strictObject({
			format: z.literal(EXPORT_FORMAT),
			version: z.literal(EXPORT_VERSION),
			exportedAt: z.iso.datetime(),
			...Object.fromEntries(EXPORT_REGISTRY.map((part) => [part.key, part.schema]))
		})
		.meta({
			title: 'Tend export',
			description:
				'Everything one person can see in Tend: what they wrote, and what their partner shares with them now. Never a partner’s private items, nothing of another couple, nothing of an earlier link but their own words.'
		});
}

/** The JSON Schema (draft 2020-12) of an export, as documented in docs/export.schema.json. */
export function exportJsonSchema(): Record<string, unknown> {
	return z.toJSONSchema(exportSchema(), { io: 'output' });
}

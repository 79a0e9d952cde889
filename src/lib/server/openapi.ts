import { z } from 'zod';
import {
	advanceSchema,
	conversationAnswerSchema,
	optInSchema,
	receiveSchema,
	startSchema
} from './conversations/conversations.schemas';
import {
	changeEmailSchema,
	changePasswordSchema,
	loginSchema,
	registerSchema,
	updateProfileSchema
} from './accounts/accounts.schemas';
import {
	confirmPasswordSchema,
	disableTwoFactorSchema,
	enableTwoFactorSchema,
	secondStepSchema
} from './two-factor/two-factor.schemas';
import {
	highSafetySchema,
	recoveryResetSchema,
	resetConfirmSchema,
	resetRequestSchema
} from './recovery/recovery.schemas';
import { SECURITY_EVENT_KINDS } from '$lib/domain/security-events';
import { blockSchema, joinSchema } from './couples/couples.schemas';
import { checkinSchema } from './checkins/checkins.schemas';
import { answerSchema, followupSchema } from './questions/questions.schemas';
import { appreciationSchema, coachSchema } from './appreciations/appreciations.schemas';
import { responseSchema } from './responses/responses.schemas';
import { practiceSettingsSchema } from './practice/practice.schemas';
import { deleteAccountSchema } from './privacy/privacy.schemas';
import { exportJsonSchema } from './privacy/export.registry';
import { lockSettingsSchema, setPinSchema, unlockSchema } from './lock/lock.schemas';

type Operation = {
	summary: string;
	body?: z.ZodType;
	/** status → [description, response schema name or null, media type (default JSON)] */
	responses: Record<number, [string, string | null, MediaType?]>;
	/** Query parameters, all required strings. */
	params?: string[];
	auth?: boolean;
	/** A private area (or a change to private items): 423 LOCKED while the session is locked. */
	private?: boolean;
};

type MediaType = 'application/json' | 'text/html';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The export's own JSON Schema (also in docs/export.schema.json), without its dialect line. */
const { $schema: _dialect, ...exportSchema } = exportJsonSchema();

const schemas = {
	User: {
		type: 'object',
		required: ['id', 'email', 'name'],
		properties: {
			id: { type: 'string', format: 'uuid' },
			email: { type: 'string' },
			name: { type: 'string' }
		}
	},
	Partner: {
		type: 'object',
		required: ['id', 'name'],
		properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } }
	},
	UserAnswer: { type: 'object', required: ['user'], properties: { user: ref('User') } },
	SecondStep: {
		type: 'object',
		description:
			'The password was right and two-step sign-in is on. Send the ticket with a code from the authenticator app (or a recovery code) to /api/v1/auth/login/second-step within five minutes; the password is not sent again.',
		required: ['secondStep'],
		properties: {
			secondStep: {
				type: 'object',
				required: ['ticket', 'expiresAt'],
				properties: {
					ticket: { type: 'string', description: 'Single use; only a hash is kept.' },
					expiresAt: { type: 'string', format: 'date-time' }
				}
			}
		}
	},
	SecurityOverview: {
		type: 'object',
		required: ['twoFactor', 'highSafety', 'emailReset', 'mailEnabled'],
		properties: {
			twoFactor: {
				type: 'object',
				required: ['enabled', 'pending', 'recoveryCodesLeft'],
				properties: {
					enabled: { type: 'boolean' },
					pending: { type: 'boolean', description: 'Set up but not confirmed with a code yet.' },
					recoveryCodesLeft: { type: 'integer' }
				}
			},
			highSafety: { type: 'boolean', description: 'No password reset by email.' },
			emailReset: { type: 'boolean', description: 'Whether a reset link can reach you by email.' },
			mailEnabled: { type: 'boolean', description: 'Whether this instance can send email.' }
		}
	},
	TwoFactorSetup: {
		type: 'object',
		required: ['setupKey', 'otpauthUri'],
		properties: {
			setupKey: { type: 'string', description: 'Base32, for typing into an authenticator app.' },
			otpauthUri: { type: 'string', description: 'The otpauth:// address a QR code carries.' }
		}
	},
	RecoveryCodes: {
		type: 'object',
		required: ['recoveryCodes'],
		properties: {
			recoveryCodes: {
				type: 'array',
				items: { type: 'string' },
				description: 'Ten one-time codes, shown this once; only hashes are kept.'
			}
		}
	},
	HighSafety: {
		type: 'object',
		required: ['highSafety'],
		properties: { highSafety: { type: 'boolean' } }
	},
	SecurityLog: {
		type: 'object',
		description: 'Your own account events, newest first; nobody else can read them.',
		required: ['events'],
		properties: {
			events: {
				type: 'array',
				items: {
					type: 'object',
					required: ['kind', 'at', 'device'],
					properties: {
						kind: { enum: [...SECURITY_EVENT_KINDS] },
						at: { type: 'string', format: 'date-time' },
						device: { type: ['string', 'null'] }
					}
				}
			}
		}
	},
	Me: {
		type: 'object',
		required: ['user', 'partner', 'profile'],
		properties: {
			user: ref('User'),
			partner: { oneOf: [ref('Partner'), { type: 'null' }] },
			profile: {
				type: 'object',
				description: "The person's own settings; never shown to anyone else.",
				required: ['timeZone', 'onboarded'],
				properties: { timeZone: { type: 'string' }, onboarded: { type: 'boolean' } }
			}
		}
	},
	Invite: {
		type: 'object',
		required: ['code', 'url', 'expiresAt'],
		properties: {
			code: { type: 'string', description: 'Shown once; only a hash is kept.' },
			url: { type: 'string', format: 'uri' },
			expiresAt: { type: 'string', format: 'date-time' }
		}
	},
	OpenInvite: {
		type: 'object',
		required: ['invite'],
		properties: {
			invite: {
				oneOf: [
					{
						type: 'object',
						required: ['createdAt', 'expiresAt'],
						properties: {
							createdAt: { type: 'string', format: 'date-time' },
							expiresAt: { type: 'string', format: 'date-time' }
						}
					},
					{ type: 'null' }
				]
			}
		}
	},
	JoinAnswer: { type: 'object', required: ['partner'], properties: { partner: ref('Partner') } },
	Couple: {
		type: 'object',
		required: ['couple'],
		properties: {
			couple: {
				type: 'object',
				required: ['id', 'partner'],
				properties: { id: { type: 'string', format: 'uuid' }, partner: ref('Partner') }
			}
		}
	},
	Sessions: {
		type: 'object',
		required: ['sessions'],
		properties: {
			sessions: {
				type: 'array',
				items: {
					type: 'object',
					required: ['id', 'device', 'createdAt', 'lastUsedAt', 'current'],
					properties: {
						id: { type: 'string', format: 'uuid' },
						device: { type: 'string' },
						createdAt: { type: 'string', format: 'date-time' },
						lastUsedAt: { type: 'string', format: 'date-time' },
						current: { type: 'boolean' }
					}
				}
			}
		}
	},
	PastPartners: {
		type: 'object',
		required: ['pastPartners'],
		properties: {
			pastPartners: {
				type: 'array',
				items: {
					type: 'object',
					required: ['id', 'name', 'blocked'],
					properties: {
						id: { type: 'string', format: 'uuid' },
						name: { type: 'string' },
						blocked: { type: 'boolean' }
					}
				}
			}
		}
	},
	Block: {
		type: 'object',
		required: ['id', 'blocked'],
		properties: { id: { type: 'string', format: 'uuid' }, blocked: { type: 'boolean' } }
	},
	Health: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } },
	Export: exportSchema,
	ExportPage: {
		type: 'string',
		description:
			'One self-contained HTML page of the same data: no scripts, inline styles only, every text escaped.'
	},
	Today: {
		type: 'object',
		description:
			"The person's day: their local date, the check-in prompt, their own check-in, the partner's shared check-in, the question with the partner's answer only once revealed, appreciations, responses and their own rhythm.",
		required: [
			'date',
			'prompt',
			'checkin',
			'partnerCheckin',
			'question',
			'appreciations',
			'responses',
			'rhythm'
		],
		properties: {
			date: { type: 'string', format: 'date' },
			prompt: { type: 'object' },
			appreciationPrompt: { type: 'object' },
			checkin: { oneOf: [ref('Checkin'), { type: 'null' }] },
			defaultVisibility: { enum: ['private', 'shared', null] },
			partner: {
				oneOf: [{ type: 'object', properties: { name: { type: 'string' } } }, { type: 'null' }]
			},
			partnerCheckin: { oneOf: [ref('Checkin'), { type: 'null' }] },
			question: ref('QuestionDay'),
			appreciations: { type: 'object' },
			responses: { type: 'array', items: ref('Response') },
			rhythm: {
				oneOf: [{ type: 'object' }, { type: 'null' }],
				description: 'Your own rhythm; null while private areas are locked.'
			},
			locked: {
				type: 'boolean',
				description:
					'Private areas are locked: your own check-in, and your answer until your partner can read it, are left out.'
			}
		}
	},
	Checkin: {
		type: 'object',
		required: ['id', 'date', 'mine', 'mood', 'feelings', 'note', 'needs', 'visibility'],
		properties: {
			id: { type: 'string', format: 'uuid' },
			date: { type: 'string', format: 'date' },
			mine: { type: 'boolean' },
			mood: { type: 'integer', minimum: 1, maximum: 5 },
			feelings: { type: 'array', items: { type: 'string' } },
			note: { type: ['string', 'null'] },
			needs: { type: 'array', items: { type: 'string' } },
			visibility: { enum: ['private', 'shared'] },
			updatedAt: { type: 'string', format: 'date-time' }
		}
	},
	CheckinAnswer: { type: 'object', required: ['checkin'], properties: { checkin: ref('Checkin') } },
	Checkins: {
		type: 'object',
		required: ['checkins'],
		properties: { checkins: { type: 'array', items: ref('Checkin') } }
	},
	Vocabulary: {
		type: 'object',
		required: ['families', 'needs'],
		properties: {
			families: { type: 'array', items: { type: 'object' } },
			needs: { type: 'array', items: { type: 'object' } }
		}
	},
	QuestionDay: {
		type: 'object',
		required: ['date', 'question', 'answer', 'partnerAnswer', 'followups'],
		properties: {
			date: { type: 'string', format: 'date' },
			question: { oneOf: [{ type: 'object' }, { type: 'null' }] },
			answer: { oneOf: [{ type: 'object' }, { type: 'null' }] },
			partnerAnswer: {
				description: 'Only once revealed: both linked, and you answered (not passed) the same day.',
				oneOf: [{ type: 'object' }, { type: 'null' }]
			},
			followups: { type: 'object' }
		}
	},
	Appreciation: {
		type: 'object',
		required: ['id', 'text', 'date', 'mine', 'shared', 'kept', 'createdAt'],
		properties: {
			id: { type: 'string', format: 'uuid' },
			text: { type: 'string' },
			date: { type: 'string', format: 'date' },
			mine: { type: 'boolean' },
			shared: { type: 'boolean' },
			kept: { type: 'boolean' },
			createdAt: { type: 'string', format: 'date-time' }
		}
	},
	AppreciationAnswer: {
		type: 'object',
		required: ['appreciation'],
		properties: { appreciation: ref('Appreciation') }
	},
	Appreciations: {
		type: 'object',
		required: ['appreciations'],
		properties: { appreciations: { type: 'array', items: ref('Appreciation') } }
	},
	Shared: { type: 'object', required: ['shared'], properties: { shared: { type: 'integer' } } },
	Coach: {
		type: 'object',
		required: ['specific', 'hints'],
		properties: {
			specific: { type: 'boolean' },
			hints: { type: 'array', items: { type: 'string' } }
		}
	},
	Response: {
		type: 'object',
		required: ['id', 'itemType', 'itemId', 'kind', 'text', 'mine', 'createdAt'],
		properties: {
			id: { type: 'string', format: 'uuid' },
			itemType: { enum: ['checkin', 'answer', 'appreciation'] },
			itemId: { type: 'string', format: 'uuid' },
			kind: { type: 'string' },
			text: { type: 'string' },
			mine: { type: 'boolean' },
			createdAt: { type: 'string', format: 'date-time' }
		}
	},
	ResponseAnswer: {
		type: 'object',
		required: ['response'],
		properties: { response: ref('Response') }
	},
	PracticeSettings: {
		type: 'object',
		required: ['settings'],
		properties: {
			settings: {
				type: 'object',
				properties: {
					depth: { enum: ['light', 'medium', 'deep'] },
					kinds: { type: 'array', items: { type: 'string' } },
					avoidTopics: { type: 'array', items: { type: 'string' } },
					checkinVisibility: { enum: ['private', 'shared', null] }
				}
			}
		}
	},
	Lock: {
		type: 'object',
		required: ['lock'],
		properties: {
			lock: {
				type: 'object',
				description:
					"This session's lock. Locked, private areas answer 423 LOCKED and item lists leave out private items, until POST /api/v1/lock/unlock.",
				required: ['locked', 'idleMinutes', 'secondsLeft', 'pin'],
				properties: {
					locked: { type: 'boolean' },
					idleMinutes: { type: 'integer', minimum: 5, maximum: 15 },
					secondsLeft: {
						type: 'integer',
						description: 'Seconds of inactivity left before the lock; 0 once locked.'
					},
					pin: {
						enum: ['ready', 'blocked', 'none'],
						description: '"blocked": too many wrong PINs; unlock with the password.'
					}
				}
			}
		}
	},
	LockSettings: {
		type: 'object',
		required: ['settings'],
		properties: {
			settings: {
				type: 'object',
				required: ['idleMinutes', 'pin'],
				properties: {
					idleMinutes: { type: 'integer', minimum: 5, maximum: 15 },
					pin: { type: 'boolean', description: 'Whether an app PIN is set.' }
				}
			}
		}
	},
	ConversationAnswer: {
		type: 'object',
		description:
			'An answer kept from a conversation: your own (private drafts included) or one your partner shared with you.',
		required: [
			'id',
			'conversationId',
			'promptId',
			'prompt',
			'text',
			'visibility',
			'mine',
			'responses'
		],
		properties: {
			id: { type: 'string', format: 'uuid' },
			conversationId: { type: 'string', format: 'uuid' },
			promptId: { type: 'string' },
			prompt: { type: ['string', 'null'] },
			text: { type: 'string' },
			visibility: { enum: ['private', 'shared'] },
			mine: { type: 'boolean' },
			updatedAt: { type: 'string', format: 'date-time' },
			responses: {
				type: 'array',
				items: {
					type: 'object',
					properties: {
						id: { type: 'string', format: 'uuid' },
						responseId: { type: 'string' },
						text: { type: 'string' },
						mine: { type: 'boolean' }
					}
				}
			}
		}
	},
	ConversationAnswerAnswer: {
		type: 'object',
		required: ['answer'],
		properties: { answer: ref('ConversationAnswer') }
	},
	Conversation: {
		type: 'object',
		description:
			'Where a conversation stands, as seen by you ("me" and "partner" are relative to you). seq counts the moves so far; send it as `at` when you advance. The timer comes from the server clock: endsAt is when it runs out while running.',
		required: [
			'id',
			'kind',
			'mode',
			'status',
			'seq',
			'place',
			'whose',
			'prompt',
			'timer',
			'answers',
			'now'
		],
		properties: {
			id: { type: 'string', format: 'uuid' },
			kind: { enum: ['closer', 'vulnerability', 'ten-minutes', 'phones-down'] },
			mode: { enum: ['one-phone', 'two-phone', 'solo'] },
			status: { enum: ['waiting', 'active', 'paused', 'between-sets', 'completed', 'ended'] },
			seq: { type: 'integer' },
			startedAt: { type: 'string', format: 'date-time' },
			finishedAt: { type: ['string', 'null'], format: 'date-time' },
			partner: {
				oneOf: [{ type: 'object', properties: { name: { type: 'string' } } }, { type: 'null' }]
			},
			place: {
				type: 'object',
				properties: {
					set: { type: 'integer' },
					sets: { type: 'integer' },
					index: { type: 'integer' },
					count: { type: 'integer' },
					turn: { enum: [0, 1] },
					step: {
						enum: [
							'handover',
							'speak',
							'reflect',
							'confirm',
							'respond',
							'together',
							'draft',
							'receive',
							'journal',
							'quiet'
						]
					},
					listening: { type: 'boolean' }
				}
			},
			whose: { enum: ['me', 'partner', 'both'] },
			speaker: { enum: ['me', 'partner'] },
			listener: { enum: ['me', 'partner', null] },
			holder: { enum: ['me', 'partner', null] },
			prompt: { oneOf: [{ type: 'object' }, { type: 'null' }] },
			set: { oneOf: [{ type: 'object' }, { type: 'null' }] },
			lightPrompts: { type: 'array', items: { type: 'object' } },
			timer: { oneOf: [{ type: 'object' }, { type: 'null' }] },
			consent: { oneOf: [{ type: 'object' }, { type: 'null' }] },
			joined: { type: 'object' },
			answers: { type: 'array', items: ref('ConversationAnswer') },
			now: { type: 'string', format: 'date-time' }
		}
	},
	ConversationAnswerEnvelope: {
		type: 'object',
		required: ['conversation'],
		properties: { conversation: ref('Conversation') }
	},
	Conversations: {
		type: 'object',
		required: ['conversations', 'earlier'],
		properties: {
			conversations: {
				type: 'array',
				items: {
					type: 'object',
					required: ['id', 'kind', 'status', 'open', 'startedAt', 'answers'],
					properties: {
						id: { type: 'string', format: 'uuid' },
						kind: { type: 'string' },
						mode: { type: 'string' },
						status: { type: 'string' },
						open: { type: 'boolean' },
						startedAt: { type: 'string', format: 'date-time' },
						finishedAt: { type: ['string', 'null'], format: 'date-time' },
						partner: { oneOf: [{ type: 'object' }, { type: 'null' }] },
						progress: { type: 'object' },
						answers: { type: 'array', items: ref('ConversationAnswer') }
					}
				}
			},
			earlier: {
				type: 'array',
				description: 'Your own words from conversations of an earlier link (only yours).',
				items: { type: 'object' }
			}
		}
	},
	ConversationGuide: {
		type: 'object',
		required: ['practices', 'closerSets', 'listening'],
		properties: {
			practices: { type: 'array', items: { type: 'object' } },
			closerSets: { type: 'array', items: { type: 'object' } },
			listening: { type: 'object' }
		}
	},
	Error: {
		type: 'object',
		required: ['error'],
		properties: {
			error: {
				type: 'object',
				required: ['code', 'message'],
				properties: {
					code: { type: 'string' },
					message: { type: 'string', description: 'Written for people.' },
					fields: {
						type: 'object',
						additionalProperties: { type: 'array', items: { type: 'string' } }
					},
					id: { type: 'string', description: 'Only on 500: quote it when reporting a problem.' }
				}
			}
		}
	}
};

/** Every endpoint of the JSON API. A test checks this list against the route files. */
export const API_OPERATIONS: Record<string, Record<string, Operation>> = {
	'/api/v1/auth/register': {
		post: {
			summary: 'Create an account and sign in',
			body: registerSchema,
			responses: {
				201: ['Created; sets the session cookie', 'UserAnswer'],
				409: ['Cannot create an account with these details', 'Error'],
				429: ['Too many sign-ups from this client', 'Error']
			},
			auth: false
		}
	},
	'/api/v1/auth/login': {
		post: {
			summary: 'Sign in',
			body: loginSchema,
			responses: {
				200: ['Signed in; sets the session cookie', 'UserAnswer'],
				202: ['Password right, two-step sign-in on: send a code next', 'SecondStep'],
				401: ['Wrong email and password pair', 'Error'],
				429: ['Throttled; see Retry-After', 'Error']
			},
			auth: false
		}
	},
	'/api/v1/auth/login/second-step': {
		post: {
			summary: 'Finish a two-step sign-in with an authenticator code or a recovery code',
			body: secondStepSchema,
			responses: {
				200: ['Signed in; sets the session cookie', 'UserAnswer'],
				401: ['Wrong or reused code, or the ticket has expired', 'Error'],
				429: ['Throttled; see Retry-After', 'Error']
			},
			auth: false
		}
	},
	'/api/v1/auth/password-reset': {
		post: {
			summary: 'Email a single-use reset link (the same answer whether the account exists)',
			body: resetRequestSchema,
			responses: {
				202: ['If an account has this email and can be reset by email, a link is on its way', null],
				409: ['This instance cannot send email', 'Error'],
				429: ['Too many requests; see Retry-After', 'Error']
			},
			auth: false
		}
	},
	'/api/v1/auth/password-reset/confirm': {
		post: {
			summary: 'Set a new password with the token from a reset link (ends every session)',
			body: resetConfirmSchema,
			responses: {
				204: ['Changed; sign in with the new password', null],
				404: ['Unknown, used or expired link', 'Error'],
				429: ['Too many tries', 'Error']
			},
			auth: false
		}
	},
	'/api/v1/auth/recovery-reset': {
		post: {
			summary: 'Set a new password with your email and a recovery code (ends every session)',
			body: recoveryResetSchema,
			responses: {
				204: ['Changed; sign in with the new password', null],
				401: ['That email and recovery code do not match', 'Error'],
				429: ['Too many tries', 'Error']
			},
			auth: false
		}
	},
	'/api/v1/auth/logout': {
		post: {
			summary: 'Sign out of this session',
			responses: { 204: ['Signed out', null] },
			auth: false
		}
	},
	'/api/v1/me': {
		get: { summary: 'The signed-in person and their partner', responses: { 200: ['You', 'Me'] } },
		patch: {
			summary: 'Change name or time zone (finishes onboarding)',
			body: updateProfileSchema,
			responses: { 200: ['Updated', 'Me'] }
		},
		delete: {
			private: true,
			summary:
				'Delete your account and everything you wrote, for good (ends the link silently, signs out everywhere)',
			body: deleteAccountSchema,
			responses: {
				204: ['Deleted; the session cookie is cleared', null],
				400: ['Wrong password: nothing was deleted', 'Error'],
				429: ['Too many wrong passwords; see Retry-After', 'Error']
			}
		}
	},
	'/api/v1/me/export': {
		get: {
			private: true,
			summary:
				'Everything you can see, as a JSON download (schema: Export, also docs/export.schema.json)',
			responses: { 200: ['The export, as an attachment', 'Export'] }
		}
	},
	'/api/v1/me/export.html': {
		get: {
			private: true,
			summary: 'Everything you can see, as one readable HTML page to download',
			responses: { 200: ['The page, as an attachment', 'ExportPage', 'text/html'] }
		}
	},
	'/api/v1/me/password': {
		post: {
			private: true,
			summary: 'Change password (ends every other session)',
			body: changePasswordSchema,
			responses: { 204: ['Changed', null], 429: ['Throttled; see Retry-After', 'Error'] }
		}
	},
	'/api/v1/me/email': {
		post: {
			private: true,
			summary: 'Change your sign-in email (needs your password; the old address gets a notice)',
			body: changeEmailSchema,
			responses: { 200: ['Changed', 'Me'], 409: ['Cannot use this address', 'Error'] }
		}
	},
	'/api/v1/me/security': {
		get: {
			private: true,
			summary: 'Your two-step sign-in, recovery codes left and high-safety mode',
			responses: { 200: ['Overview', 'SecurityOverview'] }
		}
	},
	'/api/v1/me/security-log': {
		get: {
			private: true,
			summary: 'Your own security log (sign-ins, password and two-step changes, …)',
			responses: { 200: ['Your log', 'SecurityLog'] }
		}
	},
	'/api/v1/me/two-factor/setup': {
		post: {
			private: true,
			summary: 'Start setting up an authenticator app (nothing changes until you confirm)',
			responses: { 200: ['The key to add', 'TwoFactorSetup'], 409: ['Already on', 'Error'] }
		}
	},
	'/api/v1/me/two-factor/enable': {
		post: {
			private: true,
			summary: 'Turn two-step sign-in on with a current code; answers your recovery codes once',
			body: enableTwoFactorSchema,
			responses: {
				200: ['On', 'RecoveryCodes'],
				409: ['Not set up, or already on', 'Error'],
				429: ['Too many wrong codes', 'Error']
			}
		}
	},
	'/api/v1/me/two-factor/disable': {
		post: {
			private: true,
			summary: 'Turn two-step sign-in off (needs your password and a code; ends high-safety mode)',
			body: disableTwoFactorSchema,
			responses: {
				204: ['Off', null],
				409: ['Already off', 'Error'],
				429: ['Too many tries', 'Error']
			}
		}
	},
	'/api/v1/me/two-factor/recovery-codes': {
		post: {
			private: true,
			summary: 'New recovery codes (needs your password); the old set stops working',
			body: confirmPasswordSchema,
			responses: {
				200: ['The new codes, shown once', 'RecoveryCodes'],
				409: ['Two-step sign-in is off', 'Error']
			}
		}
	},
	'/api/v1/me/high-safety': {
		put: {
			private: true,
			summary: 'Turn high-safety mode on or off: no password reset by email, only recovery codes',
			body: highSafetySchema,
			responses: {
				200: ['Saved', 'HighSafety'],
				409: ['Needs two-step sign-in with recovery codes left', 'Error']
			}
		}
	},
	'/api/v1/sessions': {
		get: {
			private: true,
			summary: 'Your sessions',
			responses: { 200: ['Sessions', 'Sessions'] }
		},
		delete: {
			private: true,
			summary: 'End every session except this one',
			responses: { 204: ['Ended', null] }
		}
	},
	'/api/v1/sessions/{id}': {
		delete: {
			private: true,
			summary: 'End one of your sessions',
			responses: { 204: ['Ended', null], 404: ['No such session of yours', 'Error'] }
		}
	},
	'/api/v1/couple': {
		get: {
			summary: 'Your live partner link',
			responses: { 200: ['The link', 'Couple'], 404: ['No partner linked', 'Error'] }
		},
		delete: {
			summary: 'Leave the link, at once and silently',
			responses: { 204: ['Left', null], 404: ['No partner linked', 'Error'] }
		}
	},
	'/api/v1/couple/invites': {
		get: {
			summary: 'Whether you have an open invite (the code itself is never kept)',
			responses: { 200: ['Open invite or null', 'OpenInvite'] }
		},
		post: {
			summary: 'Make a new invite code; any older one stops working',
			responses: {
				201: ['The code, shown once', 'Invite'],
				409: ['Already linked', 'Error'],
				429: ['Too many new codes', 'Error']
			}
		},
		delete: { summary: 'Cancel your open invite', responses: { 204: ['Cancelled', null] } }
	},
	'/api/v1/couple/join': {
		post: {
			summary: "Accept a partner's invite",
			body: joinSchema,
			responses: {
				200: ['Linked', 'JoinAnswer'],
				404: ['Unknown, used or expired code', 'Error'],
				409: ['Already linked, or your own code', 'Error'],
				429: ['Too many tries', 'Error']
			}
		}
	},
	'/api/v1/couple/past-partners': {
		get: {
			private: true,
			summary: 'People you were linked with before',
			responses: { 200: ['List', 'PastPartners'] }
		}
	},
	'/api/v1/couple/past-partners/{id}/block': {
		put: {
			private: true,
			summary: 'Block or unblock any future link with a past partner',
			body: blockSchema,
			responses: { 200: ['Saved', 'Block'], 404: ['Not a past partner of yours', 'Error'] }
		}
	},
	'/api/v1/today': {
		get: {
			summary: 'Your day: check-in, question (partner answer only once revealed), appreciations',
			responses: { 200: ['Today', 'Today'] }
		}
	},
	'/api/v1/feelings': {
		get: {
			summary: 'The feelings vocabulary in families, and the "what would help" options',
			responses: { 200: ['Vocabulary', 'Vocabulary'] }
		}
	},
	'/api/v1/checkins': {
		get: {
			private: true,
			summary:
				"Your check-ins and your partner's shared ones between two dates (?from=YYYY-MM-DD&to=YYYY-MM-DD)",
			params: ['from', 'to'],
			responses: { 200: ['Check-ins', 'Checkins'], 400: ['Bad dates', 'Error'] }
		}
	},
	'/api/v1/checkins/{date}': {
		put: {
			private: true,
			summary: 'Check in for your own today (one per day, editable that day)',
			body: checkinSchema,
			responses: { 200: ['Saved', 'CheckinAnswer'] }
		}
	},
	'/api/v1/questions/{date}': {
		get: {
			summary: "The question of a day with your answer, and your partner's once revealed",
			responses: { 200: ['The day', 'QuestionDay'], 404: ['No question that day', 'Error'] }
		}
	},
	'/api/v1/questions/{date}/answer': {
		post: {
			private: true,
			summary: 'Answer today\'s question, or { pass: true } for "not today"',
			body: answerSchema,
			responses: { 200: ['The day', 'QuestionDay'], 409: ['Already answered', 'Error'] }
		}
	},
	'/api/v1/questions/{date}/followup': {
		post: {
			summary: "One short reply to your partner's revealed answer",
			body: followupSchema,
			responses: {
				200: ['The day', 'QuestionDay'],
				404: ['Nothing revealed to reply to', 'Error'],
				409: ['Already replied', 'Error']
			}
		}
	},
	'/api/v1/appreciations': {
		get: {
			summary: "The appreciation jar: yours, and your partner's to you",
			responses: { 200: ['The jar', 'Appreciations'] }
		},
		post: {
			summary: 'Appreciate your partner (kept to share later when alone)',
			body: appreciationSchema,
			responses: { 201: ['Added', 'AppreciationAnswer'] }
		}
	},
	'/api/v1/appreciations/share-kept': {
		post: {
			private: true,
			summary: 'Share the appreciations you kept while alone with your partner now',
			responses: { 200: ['How many', 'Shared'], 404: ['No partner linked', 'Error'] }
		}
	},
	'/api/v1/coach/appreciation': {
		post: {
			summary: 'Advice on a draft appreciation (never blocks sending)',
			body: coachSchema,
			responses: { 200: ['Advice', 'Coach'] }
		}
	},
	'/api/v1/responses': {
		post: {
			summary: 'Turn toward something your partner shared',
			body: responseSchema,
			responses: {
				201: ['Sent', 'ResponseAnswer'],
				404: ["Nothing of your partner's that you can see", 'Error']
			}
		}
	},
	'/api/v1/settings/practice': {
		get: {
			private: true,
			summary: 'Your pace and boundaries for the daily question',
			responses: { 200: ['Settings', 'PracticeSettings'] }
		},
		put: {
			private: true,
			summary: 'Set your pace and boundaries',
			body: practiceSettingsSchema,
			responses: { 200: ['Saved', 'PracticeSettings'] }
		}
	},
	'/api/v1/lock': {
		get: {
			summary: 'Whether private areas are locked in this session, and when they will be',
			responses: { 200: ['The lock', 'Lock'] }
		},
		post: {
			summary: 'Lock private areas in this session now (quick exit)',
			responses: { 204: ['Locked', null] }
		}
	},
	'/api/v1/lock/activity': {
		post: {
			summary: 'You are still here: restart the idle time (no effect once locked)',
			responses: { 200: ['The lock', 'Lock'] }
		}
	},
	'/api/v1/lock/unlock': {
		post: {
			summary: 'Unlock private areas with { pin } or { password }',
			body: unlockSchema,
			responses: {
				204: ['Unlocked', null],
				400: ['Wrong PIN or password', 'Error'],
				429: ['Too many tries; with a PIN, use the password', 'Error']
			}
		}
	},
	'/api/v1/settings/lock': {
		get: {
			private: true,
			summary: 'Your re-lock time and whether you have an app PIN',
			responses: { 200: ['Settings', 'LockSettings'] }
		},
		put: {
			private: true,
			summary: 'Set how many idle minutes (5 to 15) before private areas lock',
			body: lockSettingsSchema,
			responses: { 200: ['Saved', 'LockSettings'] }
		}
	},
	'/api/v1/settings/lock/pin': {
		put: {
			private: true,
			summary: 'Set or replace your app PIN (4 to 8 digits; needs your current password)',
			body: setPinSchema,
			responses: {
				204: ['Set', null],
				429: ['Throttled; see Retry-After', 'Error']
			}
		},
		delete: {
			private: true,
			summary: 'Remove your app PIN',
			responses: { 204: ['Removed', null] }
		}
	},
	'/api/v1/conversations': {
		get: {
			summary:
				'Your conversations (what and when), with the answers each of you chose to keep and share',
			responses: { 200: ['Conversations', 'Conversations'] }
		},
		post: {
			summary:
				'Start a conversation (one-phone or two-phone with your partner, or solo); answers 200 with the open one of that kind if there is one',
			body: startSchema,
			responses: {
				201: ['Started', 'ConversationAnswerEnvelope'],
				200: ['The open one of that kind', 'ConversationAnswerEnvelope'],
				404: ['No partner linked (for one-phone or two-phone)', 'Error']
			}
		}
	},
	'/api/v1/conversations/guide': {
		get: {
			summary: 'The practices with their evidence notes, Closer sets, and the listening lines',
			responses: { 200: ['Guide', 'ConversationGuide'] }
		}
	},
	'/api/v1/conversations/{id}': {
		get: {
			summary: 'Where a conversation stands (a phone that comes back starts here)',
			responses: {
				200: ['The conversation', 'ConversationAnswerEnvelope'],
				404: ['Not a conversation of yours (or of your current couple)', 'Error']
			}
		}
	},
	'/api/v1/conversations/{id}/join': {
		post: {
			summary: 'Join on your own phone (two phones in sync)',
			responses: {
				200: ['Joined', 'ConversationAnswerEnvelope'],
				404: ['Not a conversation of yours', 'Error'],
				409: ['It has finished', 'Error']
			}
		}
	},
	'/api/v1/conversations/{id}/advance': {
		post: {
			summary:
				'Move on one step (next), ask to be heard again (correct), or pass; `at` is the seq your screen showed',
			body: advanceSchema,
			responses: {
				200: ['Moved', 'ConversationAnswerEnvelope'],
				404: ['Not a conversation of yours', 'Error'],
				409: ['Your screen was behind, or that cannot happen at this step', 'Error']
			}
		}
	},
	'/api/v1/conversations/{id}/pause': {
		post: {
			summary: 'Pause; it resumes at exactly this place',
			responses: {
				200: ['Paused', 'ConversationAnswerEnvelope'],
				404: ['Not a conversation of yours', 'Error'],
				409: ['It has finished', 'Error']
			}
		}
	},
	'/api/v1/conversations/{id}/resume': {
		post: {
			summary: 'Resume where you paused',
			responses: {
				200: ['Resumed', 'ConversationAnswerEnvelope'],
				404: ['Not a conversation of yours', 'Error'],
				409: ['It has finished', 'Error']
			}
		}
	},
	'/api/v1/conversations/{id}/opt-in': {
		post: {
			summary:
				'Choose to go on to the next, deeper Closer set; it starts once you both have (on one shared phone, for: partner says so for them)',
			body: optInSchema,
			responses: {
				200: ['Chosen', 'ConversationAnswerEnvelope'],
				404: ['Not a conversation of yours', 'Error'],
				409: ['Not between sets', 'Error']
			}
		}
	},
	'/api/v1/conversations/{id}/end': {
		post: {
			summary: 'Stop here, without giving a reason',
			responses: {
				200: ['Ended', 'ConversationAnswerEnvelope'],
				404: ['Not a conversation of yours', 'Error']
			}
		}
	},
	'/api/v1/conversations/{id}/answers': {
		post: {
			summary:
				'Keep your answer to a prompt: private (a draft) or shared with your partner; saving again replaces it',
			body: conversationAnswerSchema,
			responses: {
				200: ['Kept', 'ConversationAnswerAnswer'],
				404: ['Not a conversation of yours', 'Error']
			}
		}
	},
	'/api/v1/conversations/{id}/answers/{answerId}/share': {
		post: {
			summary: 'Share your draft with your partner when you are ready',
			responses: {
				200: ['Shared', 'ConversationAnswerAnswer'],
				404: ['Not an answer of yours in a conversation of yours', 'Error']
			}
		}
	},
	'/api/v1/conversations/{id}/answers/{answerId}/responses': {
		post: {
			summary: "Receive your partner's shared answer with one of the receiving responses",
			body: receiveSchema,
			responses: {
				201: ['Sent', 'ConversationAnswerAnswer'],
				404: ['Not an answer your partner shared with you', 'Error']
			}
		}
	},
	'/api/v1/events': {
		get: {
			summary:
				'Live updates as Server-Sent Events (send Accept: text/event-stream). Each event is { kind, id } of something that changed for you or your couple, never its content: fetch it again to see it. The stream closes when you may no longer follow it (after leaving a link or signing out); reconnecting follows what you may follow now.',
			responses: {
				200: ['A text/event-stream of { kind, id } events, with keep-alive comments', null],
				400: ['Not asked for as text/event-stream', 'Error'],
				429: ['Too many open streams', 'Error']
			}
		}
	},
	'/api/v1/openapi.json': {
		get: { summary: 'This document', responses: { 200: ['OpenAPI 3.1', null] }, auth: false }
	},
	'/api/v1/health': {
		get: { summary: 'Ready to serve', responses: { 200: ['Ready', 'Health'] }, auth: false }
	}
};

export function buildOpenApi(origin: string) {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const [path, operations] of Object.entries(API_OPERATIONS)) {
		paths[path] = {};
		for (const [method, op] of Object.entries(operations)) {
			paths[path][method] = toOperation(op, path);
		}
	}

	return {
		openapi: '3.1.0',
		info: {
			title: 'Tend API',
			version: '1',
			description:
				'Everything a person can do in Tend. Browser clients use the session cookie; state-changing requests from other origins are refused. Errors are { "error": { "code", "message" } }.'
		},
		servers: [{ url: origin }],
		paths,
		components: {
			schemas,
			securitySchemes: {
				session: {
					type: 'apiKey',
					in: 'cookie',
					name: 'tend_session',
					description: 'Named __Host-tend_session over https.'
				}
			}
		}
	};
}

function toOperation(op: Operation, path: string) {
	const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
		name,
		in: 'path',
		required: true,
		schema:
			name === 'date' ? { type: 'string', format: 'date' } : { type: 'string', format: 'uuid' }
	}));
	const inQuery = (op.params ?? []).map((name) => ({
		name,
		in: 'query',
		required: true,
		schema: { type: 'string' }
	}));
	const all = [...inPath, ...inQuery];
	const parameters = all.length > 0 ? all : undefined;
	const responses: Record<string, unknown> = {};
	for (const [status, [description, schema, type]] of Object.entries(op.responses)) {
		responses[status] = schema
			? { description, content: { [type ?? 'application/json']: { schema: ref(schema) } } }
			: { description };
	}
	if (op.body) {
		responses['400'] ??= {
			description: 'Invalid input',
			content: { 'application/json': { schema: ref('Error') } }
		};
		responses['415'] ??= {
			description: 'Body is not JSON',
			content: { 'application/json': { schema: ref('Error') } }
		};
	}
	if (op.private) {
		responses['423'] ??= {
			description: 'Private areas are locked: unlock with POST /api/v1/lock/unlock',
			content: { 'application/json': { schema: ref('Error') } }
		};
	}
	if (op.auth !== false) {
		responses['401'] ??= {
			description: 'Not signed in',
			content: { 'application/json': { schema: ref('Error') } }
		};
	}

	return {
		summary: op.summary,
		...(parameters ? { parameters } : {}),
		...(op.auth === false ? { security: [] } : { security: [{ session: [] }] }),
		...(op.body
			? {
					requestBody: {
						required: true,
						content: {
							'application/json': {
								schema: z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' })
							}
						}
					}
				}
			: {}),
		responses
	};
}

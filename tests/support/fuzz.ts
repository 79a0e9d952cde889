import fc from 'fast-check';

/** The part of an operation's JSON Schema (from the OpenAPI document) that the fuzzer uses. */
export type BodySchema = {
	properties?: Record<string, { type?: string }>;
	required?: string[];
	additionalProperties?: boolean;
	/** A body that is one of several shapes (e.g. `{ text }` or `{ pass: true }`). */
	anyOf?: BodySchema[];
	oneOf?: BodySchema[];
};

/** The keys of every shape a body may take, with their types. */
function propertiesOf(schema: BodySchema): Record<string, { type?: string }> {
	const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];

	return Object.assign({}, schema.properties ?? {}, ...alternatives.map(propertiesOf));
}

/** Keys that pollute prototypes or shadow built-ins when a server copies input carelessly. */
const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Strings people and attackers send: NUL, RTL override, lone surrogates, markup, huge ones. */
const nastyString: fc.Arbitrary<string> = fc.oneof(
	fc.string(),
	fc.string({ unit: 'binary' }),
	fc.constantFrom(
		'',
		' ',
		'\u0000',
		'a\u0000b@example.test',
		'\u202Egnp.exe',
		'\uD800',
		'\uDFFF\uD800',
		'\uFEFF',
		'<script>alert(1)</script>',
		"' or 1=1 --",
		'%00',
		'../../../etc/passwd',
		'Europe/Paris',
		'UTC',
		'a calm lake at dawn',
		'name@example.test',
		'K3F9Q-7HXM2-PZR8W-4TDNB-6YCVA'
	),
	{
		weight: 3,
		arbitrary: fc
			.tuple(
				fc.constantFrom('', 'name@example.test', 'Robin', 'a calm lake at dawn'),
				fc.constantFrom('\u0000', '\u0000', '\u202E', '\uD800', '\u200B', '\n'),
				fc.constantFrom('', 'x', '@example.test')
			)
			.map((parts) => parts.join(''))
	},
	fc.integer({ min: 300, max: 20_000 }).map((length) => 'x'.repeat(length))
);

const anyKey = fc.oneof(fc.string(), fc.constantFrom(...DANGEROUS_KEYS));

/** Any JSON value, built from nasty strings, odd numbers, nulls, arrays and objects. */
const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		nastyString,
		fc.integer(),
		fc.double({ noNaN: true, noDefaultInfinity: true }),
		fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2),
		fc.boolean(),
		fc.constant(null),
		fc.array(tie('value'), { maxLength: 4 }),
		fc.array(fc.tuple(anyKey, tie('value')), { maxLength: 4 }).map(toObject)
	)
})).value;

/** `[[[[…]]]]` or `{"a":{"a":…}}`, deeper than any real body. */
const deeplyNested = fc
	.tuple(fc.integer({ min: 50, max: 5_000 }), fc.boolean())
	.map(([depth, arrays]) =>
		arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
	);

/**
 * A JSON body text for an endpoint: usually an object with the endpoint's own keys holding
 * values of any type (sometimes plus extra or dangerous keys, sometimes a key twice), else any
 * JSON value, else deep nesting.
 */
export function bodyText(schema: BodySchema): fc.Arbitrary<string> {
	const properties = propertiesOf(schema);
	const keys = Object.keys(properties);
	const typed = (type: string | undefined) =>
		fc.oneof(
			{ weight: 4, arbitrary: type === 'boolean' ? fc.boolean() : nastyString },
			{ weight: 1, arbitrary: nastyValue }
		);
	const fields = Object.fromEntries(
		keys.map((key) => [key, typed(properties[key].type)])
	) as Record<string, fc.Arbitrary<unknown>>;
	const withExtraKeys = (entries: [string, unknown][]) =>
		fc
			.array(fc.tuple(anyKey, nastyValue), { maxLength: 2 })
			.chain((extra) => fc.constantFrom(entries, entries, [...entries, ...extra]));
	// Every key, each usually of its own type: these reach the services and the database.
	const wellTyped = fc.record(fields).map((record) => Object.entries(record));
	const someKeys = fc.record(fields, { requiredKeys: [] }).map((record) => Object.entries(record));
	const anyEntries = fc.array(fc.tuple(fc.constantFrom(...keys), nastyValue), {
		maxLength: keys.length + 1
	});

	return fc.oneof(
		{ weight: 5, arbitrary: wellTyped.chain(withExtraKeys).map(entriesToJson) },
		{ weight: 2, arbitrary: someKeys.chain(withExtraKeys).map(entriesToJson) },
		{ weight: 2, arbitrary: anyEntries.chain(withExtraKeys).map(entriesToJson) },
		{ weight: 2, arbitrary: nastyValue.map((value) => JSON.stringify(value) ?? 'null') },
		{ weight: 1, arbitrary: deeplyNested }
	);
}

/**
 * Classic bodies every run must include, whatever the seed: each string field set to one of the
 * usual suspects, and dangerous keys next to the endpoint's own.
 */
export function classicBodies(schema: BodySchema): string[] {
	const properties = propertiesOf(schema);
	const keys = Object.keys(properties);
	const filled = (value: string) =>
		entriesToJson(keys.map((key) => [key, properties[key].type === 'boolean' ? true : value]));
	const suspects = ['a\u0000b@example.test', '\u202Eelif.exe', '\uD800', 'x'.repeat(20_000)];

	return [
		...suspects.map(filled),
		...DANGEROUS_KEYS.map((key) => filled('ok').replace(/^\{/, `{${JSON.stringify(key)}:{"a":1},`)),
		'{"__proto__":{"polluted":true}}',
		'[]',
		'null'
	];
}

/**
 * True when the body can be rejected on shape alone: not an object, an unknown key, a missing
 * required key, or a value of the wrong JSON type.
 */
export function surelyInvalid(text: string, schema: BodySchema): boolean {
	const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
	if (alternatives.length > 0) {
		return alternatives.every((alternative) => surelyInvalid(text, alternative));
	}
	const properties = schema.properties ?? {};
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return true;
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		return true;
	}
	const record = body as Record<string, unknown>;
	const keys = Object.keys(record);
	if (schema.additionalProperties === false && keys.some((key) => !(key in properties))) {
		return true;
	}
	if ((schema.required ?? []).some((key) => !Object.hasOwn(record, key))) {
		return true;
	}

	return keys.some((key) => {
		const expected = properties[key]?.type;

		return expected !== undefined && jsonType(record[key]) !== expected;
	});
}

function jsonType(value: unknown): string {
	if (value === null) {
		return 'null';
	}
	if (Array.isArray(value)) {
		return 'array';
	}

	return typeof value === 'number' ? 'number' : typeof value;
}

/** Written by hand so `__proto__` stays an ordinary key and repeated keys stay repeated. */
function entriesToJson(entries: readonly [string, unknown][]): string {
	return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`;
}

function toObject(entries: [string, unknown][]): Record<string, unknown> {
	const object: Record<string, unknown> = {};
	for (const [key, value] of entries) {
		Object.defineProperty(object, key, {
			value,
			enumerable: true,
			writable: true,
			configurable: true
		});
	}

	return object;
}

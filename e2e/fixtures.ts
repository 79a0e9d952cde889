import {
	test as base,
	expect,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Page
} from '@playwright/test';

/** Long enough, and not one of the common passwords the app refuses. */
export const PASSWORD = 'a calm lake at dawn';

/** One person with their own browser (context), address and account details. */
export type Person = {
	name: string;
	email: string;
	password: string;
	context: BrowserContext;
	page: Page;
};

// Unique within one worker process; the worker index keeps workers apart.
let counter = 0;

const withoutScripts = new WeakSet<BrowserContext>();

/**
 * Waits until SvelteKit has hydrated a freshly loaded page: text typed before that can be reset
 * by hydration. SvelteKit's route announcer is mounted once the root component is. A browser
 * without JavaScript has nothing to wait for.
 */
export async function hydrated(page: Page) {
	if (!withoutScripts.has(page.context())) {
		await page.locator('#svelte-announcer').waitFor({ state: 'attached' });
	}
}

/** A full page load (typing an address, following a link from elsewhere), ready to use. */
export async function visit(page: Page, path: string) {
	const response = await page.goto(path);
	await hydrated(page);

	return response;
}

export async function reload(page: Page) {
	await page.reload();
	await hydrated(page);
}

/**
 * Makes the people of one test, each in a browser context of their own, and records every request
 * their pages make so a test can show that nothing leaves the app's origin.
 */
export class People {
	readonly requests: string[] = [];
	private readonly contexts: BrowserContext[] = [];
	/** Other origins a test goes to on purpose (quick exit's neutral site, answered locally). */
	private readonly allowed = new Set<string>();

	constructor(
		private readonly browser: Browser,
		private readonly baseURL: string,
		private readonly workerIndex: number
	) {}

	async add(name: string, options: BrowserContextOptions = {}): Promise<Person> {
		const context = await this.newContext(options);
		const slug = name.toLowerCase().replace(/[^a-z]/g, '');
		const unique = `${Date.now().toString(36)}${this.workerIndex}${counter}`;

		return {
			name,
			email: `${slug}.${unique}@example.com`,
			password: PASSWORD,
			context,
			page: await context.newPage()
		};
	}

	/** The same person on another device: a browser of its own, not signed in yet. */
	async sameAs(person: Person, options: BrowserContextOptions = {}): Promise<Person> {
		const context = await this.newContext(options);

		return { ...person, context, page: await context.newPage() };
	}

	private async newContext(options: BrowserContextOptions) {
		counter += 1;
		// Sign-ups are limited per client address, so each context comes from an address of its own.
		const address = `10.0.${this.workerIndex % 250}.${(counter % 250) + 1}`;
		const context = await this.browser.newContext({
			baseURL: this.baseURL,
			...options,
			extraHTTPHeaders: { 'x-forwarded-for': address, ...options.extraHTTPHeaders }
		});
		if (options.javaScriptEnabled === false) {
			withoutScripts.add(context);
		}
		context.on('request', (request) => {
			this.requests.push(request.url());
		});
		this.contexts.push(context);

		return context;
	}

	allow(url: string) {
		this.allowed.add(new URL(url).origin);
	}

	/** Requests that went anywhere but the app itself. */
	elsewhere(): string[] {
		return this.requests.filter((url) => {
			const { protocol, origin } = new URL(url);
			return (
				!['data:', 'blob:', 'about:'].includes(protocol) &&
				origin !== this.baseURL &&
				!this.allowed.has(origin)
			);
		});
	}

	async closeAll() {
		await Promise.all(this.contexts.map((context) => context.close()));
	}
}

export const test = base.extend<{ people: People }>({
	people: async ({ browser, baseURL }, use, testInfo) => {
		if (!baseURL) {
			throw new Error('baseURL is not configured');
		}
		const people = new People(browser, new URL(baseURL).origin, testInfo.workerIndex);
		await use(people);
		await people.closeAll();
		// Every journey doubles as a check that Tend loads nothing from anywhere else.
		expect(people.elsewhere(), 'requests to other origins').toEqual([]);
	}
});

export { expect };

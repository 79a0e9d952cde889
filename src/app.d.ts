import type { Ctx } from '$lib/server/context';

declare global {
	namespace App {
		interface Locals {
			ctx: Ctx;
			user: {
				id: string;
				name: string;
				onboarded: boolean;
				timeZone: string;
			} | null;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};

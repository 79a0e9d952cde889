import { defineConfig } from 'vitest/config';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';

const testDatabaseUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['baseLocale']
		}),
		sveltekit({
			compilerOptions: {
				runes: ({ filename }) =>
					filename.split(/[/\\]/).includes('node_modules') ? undefined : true
			},
			adapter: adapter({ precompress: true }),
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'object-src': ['none'],
					'base-uri': ['none'],
					'form-action': ['self'],
					'frame-ancestors': ['none'],
					'manifest-src': ['self'],
					'worker-src': ['self']
				}
			}
		})
	],
	test: {
		expect: { requireAssertions: true },
		globalSetup: ['./src/lib/server/testing/global-setup.ts'],
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'pglite',
					environment: 'node',
					include: ['src/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
					env: { TEST_DRIVER: 'pglite', LOG_LEVEL: 'silent' }
				}
			},
			...(testDatabaseUrl
				? [
						{
							extends: './vite.config.ts',
							test: {
								name: 'postgres',
								environment: 'node',
								include: ['src/lib/server/**/*.service.test.ts'],
								env: { TEST_DRIVER: 'postgres', LOG_LEVEL: 'silent' }
							}
						}
					]
				: []),
			{
				extends: './vite.config.ts',
				test: {
					name: 'http',
					environment: 'node',
					include: ['tests/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			}
		]
	}
});

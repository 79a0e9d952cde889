import prettier from 'eslint-config-prettier';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	{ ignores: ['src/lib/paraglide/**', 'drizzle/**'] },
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript checks undefined names itself.
			'no-undef': 'off',
			curly: 'error',
			eqeqeq: 'error',
			'object-shorthand': ['error', 'always'],
			'svelte/no-at-html-tags': 'error',
			// Tend is served from the root of its origin (no paths.base), so plain hrefs are right.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['src/**/*.ts', 'tests/**/*.ts', 'e2e/**/*.ts'],
		languageOptions: { parserOptions: { projectService: true } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/switch-exhaustiveness-check': 'error'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser
			}
		}
	},
	{
		// The domain and server layers stay free of the web framework (see docs/ARCHITECTURE.md).
		files: ['src/lib/server/**/*.ts', 'src/lib/domain/**/*.ts'],
		ignores: ['src/lib/server/http.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: ['@sveltejs/kit', '@sveltejs/kit/*', '$app/*'] }
			]
		}
	}
);

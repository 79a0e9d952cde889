/** @type {import("prettier").Config} */
const config = {
	useTabs: true,
	singleQuote: true,
	trailingComma: 'none',
	printWidth: 100,
	plugins: ['prettier-plugin-svelte'],
	overrides: [
		{ files: '*.svelte', options: { parser: 'svelte' } },
		// YAML texts (content, test cases) are double-quoted, so writers can use apostrophes freely.
		{ files: '*.{yaml,yml}', options: { singleQuote: false } }
	]
};

export default config;

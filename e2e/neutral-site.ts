/**
 * Where quick exit goes in the browser tests (QUICK_EXIT_URL of the test server). Nothing is
 * fetched from it: each test that leaves answers it with `route`.
 */
export const NEUTRAL_SITE = 'https://quiet-weather.example/today';
export const OPERATOR_NAME = 'Harbour Test Counselling';

/**
 * Where the learner's record lives in localStorage, apart from the record's code so that a page
 * can ask whether there is a record without downloading that code (see resume-gate.browser.ts).
 */
export const PROGRESS_KEY = 'ld-school-progress';

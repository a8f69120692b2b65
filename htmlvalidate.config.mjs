// html-validate rules for the built site (the validity gate in tests/e2e/validity.spec.ts).
// Recommended rules, relaxed only where they conflict with Astro's output or our design.
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes void elements as <meta ... > and boolean attributes its own way.
    'void-style': 'off',
    'attribute-boolean-style': 'off',
    'attribute-empty-style': 'off',
    // Astro's compressed output and Markdown rendering leave whitespace we do not control.
    'no-trailing-whitespace': 'off',
    // Office phone numbers are copied and dialled: a U+2011 hyphen would break copy and paste.
    'tel-non-breaking': 'off',
    // Filter forms apply as the reader types (custom elements); there is nothing to submit.
    'wcag/h32': 'off',
    // Wide tables sit in a focusable <div role="region" aria-label> scroll wrapper, as the
    // accessibility rules require; a <section> per table would add an unnamed-heading landmark.
    'prefer-native-element': ['error', { exclude: ['region'] }],
    // Page titles carry the site name after the page name, often past 70 characters.
    'long-title': 'off',
  },
};

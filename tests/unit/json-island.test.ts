import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../src/lib/json-island.ts';

describe.each([
  ['a closing script tag', { t: '</script><script>alert(1)</script>' }],
  ['an HTML comment opener', { t: '<!--<script>' }],
  ['line separators', { t: 'a\u2028b\u2029c' }],
  ['ampersands and quotes', { t: `&amp; "引号" '单引号'` }],
])('jsonForScript with %s', (_, value) => {
  const out = jsonForScript(value);
  it('contains no character that could end the element', () => expect(out).not.toMatch(/[<>&\u2028\u2029]/));
  it('parses back to the same value', () => expect(JSON.parse(out)).toEqual(value));
});

import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/lib/csv.ts';

describe.each([
  ['=HYPERLINK("http://x","点我")', `"'=HYPERLINK(""http://x"",""点我"")"`],
  ['+1+1', "'+1+1"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\t=1', "'\t=1"],
])('a formula-like text %j', (value, expected) => {
  it('is neutralised with a leading apostrophe', () => expect(csvField(value)).toBe(expected));
});

describe('numbers and ordinary text', () => {
  it('keeps negative numbers as numbers', () => expect(csvField(-5)).toBe('-5'));
  it('keeps ordinary text unchanged', () => expect(csvField('古城街道领秀大厦工作站')).toBe('古城街道领秀大厦工作站'));
  it('keeps a phone number unchanged', () => expect(csvField('010-00000101')).toBe('010-00000101'));
});

import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/lib/csv.ts';

describe('csvField quotes only when needed', () => {
  it.each([
    ['领秀大厦', '领秀大厦'],
    [1470, '1470'],
    [null, ''],
    [undefined, ''],
    ['领秀大厦,首特科技', '"领秀大厦,首特科技"'],
    ['他说"好"', '"他说""好"""'],
    ['第一行\n第二行', '"第一行\n第二行"'],
    ['a\r\nb', '"a\r\nb"'],
    [' 前导空格', '" 前导空格"'],
  ])('%j → %j', (value, expected) => expect(csvField(value)).toBe(expected));
});

describe('toCsv', () => {
  it('starts with a BOM and ends every row with CRLF', () => {
    expect(
      toCsv([
        ['名称', '企业数'],
        ['甲,乙', 3],
      ]),
    ).toBe('\uFEFF名称,企业数\r\n"甲,乙",3\r\n');
  });
  it('gives only the BOM for no rows', () => expect(toCsv([])).toBe('\uFEFF'));
});

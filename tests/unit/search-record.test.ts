import { describe, expect, it } from 'vitest';
import { searchAttributes, sortKey } from '../../src/lib/search/search-record.ts';

const at = (iso: string) => new Date(iso);

describe('searchAttributes turns a page record into Pagefind attributes', () => {
  it('a dated station page gets type, station, street and year filters, a date sort and display meta', () => {
    const attrs = searchAttributes({ type: '活动', station: '古城街道领秀大厦工作站', street: '古城街道', date: at('2026-12-31T17:30:00Z') });
    expect(attrs).toEqual([
      { kind: 'filter', key: 'type', value: '活动' },
      { kind: 'meta', key: 'type', value: '活动' },
      { kind: 'filter', key: 'station', value: '古城街道领秀大厦工作站' },
      { kind: 'meta', key: 'station', value: '古城街道领秀大厦工作站' },
      { kind: 'filter', key: 'street', value: '古城街道' },
      // 17:30 UTC on 31 December is already 1 January in Beijing.
      { kind: 'filter', key: 'year', value: '2027' },
      { kind: 'sort', key: 'date', value: '2027-01-01T01:30' },
      { kind: 'meta', key: 'date', value: '2027年1月1日' },
      { kind: 'meta', key: 'sortdate', value: '2027-01-01T01:30' },
    ]);
  });

  it.each([
    ['an undated page has no year, sort or date', { type: '党校课程' }, ['filter:type:党校课程', 'meta:type:党校课程']],
    [
      'a station lists its buildings',
      { type: '工作站', buildings: ['万商大厦', '长城大厦'] },
      ['filter:type:工作站', 'meta:type:工作站', 'meta:buildings:万商大厦、长城大厦'],
    ],
    [
      'column and author are display metadata, not filters',
      { type: '理论', column: '学习札记', author: '区委社会工委' },
      ['filter:type:理论', 'meta:type:理论', 'meta:column:学习札记', 'meta:author:区委社会工委'],
    ],
    [
      'a diary entry carries its stable section key beside the display type',
      { type: '党建日记', section: 'diary' },
      ['filter:type:党建日记', 'meta:type:党建日记', 'meta:section:diary'],
    ],
    ['a lesson names its search shard', { type: '党校课程', shard: 'school' }, ['filter:type:党校课程', 'meta:type:党校课程', 'meta:shard:school']],
    ['commas cannot split a value into two pairs', { type: '理论', imageAlt: '会场,讲台' }, ['filter:type:理论', 'meta:type:理论', 'meta:image_alt:会场 讲台']],
  ])('%s', (_, record, expected) => {
    expect(searchAttributes(record).map((a) => `${a.kind}:${a.key}:${a.value}`)).toEqual(expected);
  });

  it('sort keys order lexically as time', () => {
    expect(sortKey(at('2026-11-20T01:30:00Z')) < sortKey(at('2026-11-20T02:00:00Z'))).toBe(true);
  });
});

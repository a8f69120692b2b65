import { describe, expect, it } from 'vitest';
import { activeFilterCount, filterOptions, pagefindFilters, readState, writeState } from '../../src/lib/search/search-state.ts';

describe('search state round-trips through the address', () => {
  it.each([
    ['query only', '?q=%E5%9C%B0%E9%93%81', { q: '地铁', type: '', station: '', year: '', sort: 'relevance' }],
    [
      'query, filters and date sort',
      '?q=%E8%AE%B2%E5%BA%A7&type=%E6%B4%BB%E5%8A%A8&year=2026&sort=date',
      { q: '讲座', type: '活动', station: '', year: '2026', sort: 'date' },
    ],
    ['empty address', '', { q: '', type: '', station: '', year: '', sort: 'relevance' }],
  ])('%s', (_, search, state) => {
    expect(readState(new URLSearchParams(search))).toEqual(state);
    expect(writeState(readState(new URLSearchParams(search)))).toBe(search);
  });

  it('unknown sort falls back to relevance and spaces are trimmed', () => {
    expect(readState(new URLSearchParams('?q=+%E5%85%9A%E5%BB%BA+&sort=random'))).toMatchObject({ q: '党建', sort: 'relevance' });
  });

  it('only set filters reach Pagefind', () => {
    expect(pagefindFilters({ q: 'x', type: '活动', station: '', year: '2026', sort: 'date' })).toEqual({ type: '活动', year: '2026' });
  });
});

describe('filterOptions', () => {
  it.each([
    ['years newest first', 'year', { '2025': 3, '2026': 5 }, '', ['2026', '2025']],
    ['types in dictionary order', 'type', { 理论: 1, 动态: 2, 工作站: 3 }, '', ['动态', '工作站', '理论']],
    ['the current value is kept even when absent from the index', 'year', { '2026': 1 }, '2019', ['2026', '2019']],
  ])('%s', (_, key, counts, current, expected) => {
    expect(filterOptions(key, counts, current, ['动态', '活动', '工作站', '理论'])).toEqual(expected);
  });
});

describe('the folded 筛选 button counts the filters that are set', () => {
  it.each([
    ['none set', '?q=%E8%AE%B2%E5%BA%A7', 0],
    ['the date sort is not a filter', '?q=%E8%AE%B2%E5%BA%A7&sort=date', 0],
    ['one filter', '?q=%E8%AE%B2%E5%BA%A7&year=2026', 1],
    ['all three filters', '?q=x&type=%E6%B4%BB%E5%8A%A8&station=%E7%AB%99&year=2026&sort=date', 3],
    ['a blank filter does not count', '?q=x&type=+', 0],
  ])('%s', (_, search, count) => {
    expect(activeFilterCount(readState(new URLSearchParams(search)))).toBe(count);
  });
});

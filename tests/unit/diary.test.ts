import { describe, expect, it } from 'vitest';
import { byStation, stationNeighbours } from '../../src/lib/diary.ts';
import { diaryAnchorHref, diaryHref, diaryStationHref, entryHref } from '../../src/lib/publishing.ts';
import { DIARY_BASE, DIARY_FACETS } from '../../src/lib/sections.ts';
import { toInstant } from '../../src/lib/dates.ts';

// Newest first, as collections.content.ts sorts the diary.
const diary = [
  { id: '2026-11-27-lanting', station: 'lanting' },
  { id: '2026-11-26-hongfeng', station: 'hongfeng' },
  { id: '2026-09-11-lanting', station: 'lanting' },
  { id: '2026-08-26-qiushi', station: 'qiushi' },
  { id: '2026-06-01-lanting', station: 'lanting' },
];
const stations = byStation(diary);

describe('previous and next of a diary entry stay within its station', () => {
  it.each([
    ['the middle entry has a newer and an older one of its station', '2026-09-11-lanting', '2026-11-27-lanting', '2026-06-01-lanting'],
    ['the newest has only an older one', '2026-11-27-lanting', undefined, '2026-09-11-lanting'],
    ['the oldest has only a newer one', '2026-06-01-lanting', '2026-09-11-lanting', undefined],
    ['a station’s only entry has neither', '2026-08-26-qiushi', undefined, undefined],
  ])('%s', (_, id, newer, older) => {
    const self = diary.find((d) => d.id === id)!;
    const n = stationNeighbours(stations, self);
    expect(n.newer?.id).toBe(newer);
    expect(n.older?.id).toBe(older);
  });

  it('byStation keeps the newest-first order inside each station', () => {
    expect(stations.get('lanting')!.map((d) => d.id)).toEqual(['2026-11-27-lanting', '2026-09-11-lanting', '2026-06-01-lanting']);
  });
});

describe('diary addresses', () => {
  const entry = { id: '2026-11-01-lanting', collection: 'diary', data: { date: toInstant('2026-11-01')! } };
  it('an entry has its own page', () => expect(diaryHref(entry.id)).toBe('/diary/2026-11-01-lanting/'));
  it('links to an entry go to its page', () => expect(entryHref(entry as Parameters<typeof entryHref>[0])).toBe('/diary/2026-11-01-lanting/'));
  it('a station’s diary list is the station facet page of the diary', () =>
    expect(diaryStationHref('lanting')).toBe(`${DIARY_BASE}${DIARY_FACETS.station.key}/lanting/`));
  it('the month archive keeps the entry’s anchor (Beijing month, not UTC: 11-01 00:00 +08:00 is still October in UTC)', () =>
    expect(diaryAnchorHref(entry)).toBe('/diary/month/2026-11/#2026-11-01-lanting'));
});

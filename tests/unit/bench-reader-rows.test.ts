/**
 * The bench's reader rows: the school's first visit and the calendars' sizes, each judged
 * against its budget in the table, and the calendar sizes read from a built site.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calendarSizes } from '../../scripts/bench/reader-rows.ts';
import { buildTable, type Budgets, type Run } from '../../scripts/bench/table.ts';

const budgets: Budgets = {
  searchTerm: '服务',
  jsMaxKB: {},
  pageMaxKB: 40,
  firstSearchMaxKB: { demo: 110, generated: 150 },
  lighthouseMin: { performance: 100, accessibility: 100 },
  timePerPageRatioMax: 1.3,
  astroPeakRssMaxMB: 4096,
  indexPeakRssMaxMB: 3072,
  editIndexRatioMax: 1.5,
  buildGrowthMax: { from: 10000, to: 60000, max: 6.5 },
  schoolFirstVisitMaxKB: 1024,
  calendarMaxKB: 300,
  publishMaxSeconds: { demo: 15, '10000': 60, '60000': 180 },
  deployMaxSeconds: 10,
};

const run = (n: number, visitKB: number, calendarGzKB: number): Run => ({
  n,
  astro: { seconds: 1, rssMB: 100 },
  pagefind: { seconds: 1, rssMB: 100 },
  dist: { pages: 10, distBytes: 1, htmlMedian: undefined, htmlP95: undefined, types: {} },
  searchBytes: undefined,
  reader: {
    schoolFirstVisit: { bytes: visitKB * 1024, requests: 40 },
    calendars: { allBytes: calendarGzKB * 4096, allGzBytes: calendarGzKB * 1024, events: 900, station: 'lingxiu', stationBytes: 4096, stationGzBytes: 1024 },
  },
});

describe('the reader rows of the bench table', () => {
  const table = buildTable({ runs: [run(1000, 300, 20), run(60000, 1100, 320)] }, budgets);
  const cells = (metric: string) => table.rows.find((r) => r.metric === metric)?.cells;

  it('judge the school’s first visit against ≤ 1 MB at every size', () => {
    expect(cells('school first visit (page + worker install)')).toEqual(['300.0 KB (40 requests) PASS', '1100.0 KB (40 requests) FAIL']);
  });

  it('judge the calendars gzipped against ≤ 300 KB, with the raw size and events beside', () => {
    expect(cells('activities.ics (12 months + upcoming)')).toEqual(['20.0 KB gz, 80.0 KB raw, 900 events PASS', '320.0 KB gz, 1280.0 KB raw, 900 events FAIL']);
    expect(cells('largest station calendar')?.[0]).toBe('1.0 KB gz, 4.0 KB raw (lingxiu) PASS');
  });

  it('count their failures with the others', () => {
    expect(table.failed).toEqual(
      expect.arrayContaining(['school first visit (page + worker install) (N=60,000)', 'activities.ics (12 months + upcoming) (N=60,000)']),
    );
  });
});

describe('calendarSizes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'reader-rows-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads /activities.ics and the largest station calendar of a built site', () => {
    writeFileSync(path.join(dir, 'activities.ics'), 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    for (const [id, events] of [
      ['a', 1],
      ['b', 3],
    ] as const) {
      mkdirSync(path.join(dir, 'stations', id), { recursive: true });
      writeFileSync(path.join(dir, 'stations', id, 'activities.ics'), 'BEGIN:VEVENT\r\nEND:VEVENT\r\n'.repeat(events));
    }
    const sizes = calendarSizes(dir)!;
    expect(sizes.events).toBe(2);
    expect(sizes.station).toBe('b');
    expect(sizes.stationBytes).toBe(3 * 'BEGIN:VEVENT\r\nEND:VEVENT\r\n'.length);
    expect(sizes.allGzBytes).toBeGreaterThan(0);
    expect(calendarSizes(path.join(dir, 'stations'))).toBeUndefined();
  });
});

/**
 * The bench's reader figures beside the build's: what a learner's first visit to /school/
 * downloads (the page and the service worker's install, measured in Chromium), and the size of
 * the subscribed calendars (/activities.ics and the largest station calendar). Both are judged
 * against budgets.json (`schoolFirstVisitMaxKB`, `calendarMaxKB`) at every size.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromium.ts';

export interface ReaderBudgets {
  /** Everything a first visit to /school/ transfers, the worker's install included (KiB). */
  schoolFirstVisitMaxKB: number;
  /** The largest subscribed calendar, gzipped as served (KiB). */
  calendarMaxKB: number;
}

export interface ReaderFigures {
  schoolFirstVisit?: { bytes: number; requests: number };
  calendars?: { allBytes: number; allGzBytes: number; events: number; stationBytes: number; stationGzBytes: number; station: string };
}

/**
 * Opens /school/ in a fresh browser and sums the transferred bytes of every response (the page's
 * and the service worker's), until the worker is active and the network is quiet.
 */
export async function schoolFirstVisit(origin: string): Promise<{ bytes: number; requests: number }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (set CHROMIUM_PATH)');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const pending: Promise<number>[] = [];
    // Context events include the service worker's own requests (its install step).
    context.on('requestfinished', (request) => pending.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
    const page = await context.newPage();
    await page.goto(`${origin}/school/`, { waitUntil: 'load' });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(pending);
    return { bytes: sizes.reduce((a, b) => a + b, 0), requests: sizes.length };
  } finally {
    await browser.close();
  }
}

/** Sizes of /activities.ics and of the largest station calendar in a built site. */
export function calendarSizes(dist: string): ReaderFigures['calendars'] {
  const all = path.join(dist, 'activities.ics');
  if (!existsSync(all)) return undefined;
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
  let station = '';
  let stationBytes = 0;
  const stations = path.join(dist, 'stations');
  for (const id of existsSync(stations) ? readdirSync(stations) : []) {
    const file = path.join(stations, id, 'activities.ics');
    if (existsSync(file) && statSync(file).size > stationBytes) {
      station = id;
      stationBytes = statSync(file).size;
    }
  }
  const text = readFileSync(all, 'utf8');
  return {
    allBytes: statSync(all).size,
    allGzBytes: gz(all),
    events: text.match(/^BEGIN:VEVENT/gm)?.length ?? 0,
    station,
    stationBytes,
    stationGzBytes: station ? gz(path.join(stations, station, 'activities.ics')) : 0,
  };
}

/** Both figures for a built site served at `origin`. */
export async function measureReader(origin: string, dist: string, log: (text: string) => void): Promise<ReaderFigures> {
  const calendars = calendarSizes(dist);
  if (calendars)
    log(
      `  calendars: activities.ics ${calendars.events} events, ${calendars.allBytes} bytes (${calendars.allGzBytes} gz); largest station ${calendars.station} ${calendars.stationBytes} bytes`,
    );
  if (!existsSync(path.join(dist, 'school', 'sw.js'))) return { calendars };
  log('first visit to /school/ (page and service worker install)');
  const schoolFirstVisit_ = await schoolFirstVisit(origin);
  log(`  ${schoolFirstVisit_.requests} requests, ${schoolFirstVisit_.bytes} bytes`);
  return { schoolFirstVisit: schoolFirstVisit_, calendars };
}

type Cell = [string] | [string, boolean | undefined] | undefined;

/** The metric names of the reader rows, in table order. */
export const READER_METRICS = ['school first visit (page + worker install)', 'activities.ics (12 months + upcoming)', 'largest station calendar'] as const;

/** The reader rows of the bench table, through the table's own `row` (which judges and counts). */
export function readerRows<R extends { reader?: ReaderFigures | undefined }>(
  row: (metric: string, budget: string, cell: (run: R) => Cell) => void,
  budgets: Partial<ReaderBudgets>,
): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const visitMax = budgets.schoolFirstVisitMaxKB;
  row(READER_METRICS[0], visitMax === undefined ? '' : `≤ ${visitMax} KB`, (r) => {
    const v = r.reader?.schoolFirstVisit;
    return v ? [`${kb(v.bytes)} (${v.requests} requests)`, visitMax === undefined ? undefined : v.bytes <= visitMax * 1024] : undefined;
  });
  const calMax = budgets.calendarMaxKB;
  row(READER_METRICS[1], calMax === undefined ? '' : `≤ ${calMax} KB gz`, (r) => {
    const c = r.reader?.calendars;
    return c
      ? [`${kb(c.allGzBytes)} gz, ${kb(c.allBytes)} raw, ${c.events} events`, calMax === undefined ? undefined : c.allGzBytes <= calMax * 1024]
      : undefined;
  });
  row(READER_METRICS[2], calMax === undefined ? '' : `≤ ${calMax} KB gz`, (r) => {
    const c = r.reader?.calendars;
    return c && c.station
      ? [`${kb(c.stationGzBytes)} gz, ${kb(c.stationBytes)} raw (${c.station})`, calMax === undefined ? undefined : c.stationGzBytes <= calMax * 1024]
      : undefined;
  });
}

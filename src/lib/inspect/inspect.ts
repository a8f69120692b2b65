/**
 * The rules of `npm run inspect`, from 《政府网站与政务新媒体检查指标》 (国办秘函〔2019〕19号):
 * pure functions over dates and plain facts, so each threshold is unit-tested. The script
 * (scripts/inspect.ts) gathers the facts from content/ and dist/ and prints the report.
 *
 * Days are Beijing calendar days: an entry published at 23:59 on 11-20 is one day old on 11-21.
 */
import { beijingDay } from '../dates.ts';

/** 单项否决 thresholds. */
export const RULES = {
  /** The home page fails when its newest entry is more than this many days old. */
  homeDays: 14,
  /** A 动态/要闻 column is stale when its newest entry is more than this many days old. */
  dynamicDays: 14,
  /** 通知公告 is stale when its newest entry is older than this many calendar months. */
  noticeMonths: 6,
  /** This many stale dynamic columns fail the inspection. */
  staleColumns: 5,
  /** This many empty columns (or pages) fail the inspection. */
  emptyColumns: 5,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A Beijing calendar day as YYYY-MM-DD, or undefined when the text is not a real date. */
export function parseDay(text: string): string | undefined {
  const m = DAY_RE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? text.trim() : undefined;
}

/** Days since 1970-01-01 of a calendar day. */
function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Whole Beijing calendar days from the day of `at` to the day `on`; 0 when `at` is later. */
export function daysSince(at: Date, on: string): number {
  return Math.max(0, dayNumber(on) - dayNumber(beijingDay(at)));
}

/** The same calendar day `months` months earlier, clamped to the month's end (08-31 → 02-28). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(Math.min(d, last))}`;
}

/** Today in Beijing. */
export function todayInBeijing(now: Date = new Date()): string {
  return beijingDay(now);
}

/** dynamic: 动态/要闻 (2 weeks); notice: 通知公告 (6 months); other: only checked for being empty. */
export type ColumnKind = 'dynamic' | 'notice' | 'other';

export interface ColumnInput {
  name: string;
  kind: ColumnKind;
  /** The dates of what the column shows on the built site (publish times; activity starts). */
  dates: readonly Date[];
}

export interface ColumnResult {
  name: string;
  kind: ColumnKind;
  latest?: Date;
  /** Days since the latest entry, on the inspection day. */
  days?: number;
  empty: boolean;
  stale: boolean;
}

/** The newest of some dates. */
export function latest(dates: readonly Date[]): Date | undefined {
  let best: Date | undefined;
  for (const d of dates) if (!best || d.getTime() > best.getTime()) best = d;
  return best;
}

/** Whether a dynamic column (or the home page) is stale: newest entry more than `limit` days old, or none. */
export function staleByDays(newest: Date | undefined, on: string, limit: number): boolean {
  return newest === undefined || daysSince(newest, on) > limit;
}

/** Whether 通知公告 is stale: newest entry before the same day `months` months earlier, or none. */
export function staleByMonths(newest: Date | undefined, on: string, months: number): boolean {
  return newest === undefined || beijingDay(newest) < monthsBefore(on, months);
}

/** One column checked on the inspection day. */
export function checkColumn(column: ColumnInput, on: string): ColumnResult {
  const newest = latest(column.dates);
  const empty = newest === undefined;
  const stale =
    column.kind === 'dynamic'
      ? staleByDays(newest, on, RULES.dynamicDays)
      : column.kind === 'notice'
        ? staleByMonths(newest, on, RULES.noticeMonths)
        : false;
  return { name: column.name, kind: column.kind, latest: newest, days: newest && daysSince(newest, on), empty, stale };
}

/** An entry whose publish time is later than the build. */
export interface FutureEntry {
  file: string;
  date: Date;
  /** Whether the built site nevertheless shows it (a page was found). */
  shown: boolean;
}

/** Facts the script gathers; everything the verdict needs. */
export interface InspectionFacts {
  /** The inspection day, YYYY-MM-DD (Beijing). */
  on: string;
  builtAt: Date;
  /** Dates of the entries the home page shows. */
  home: readonly Date[];
  columns: readonly ColumnInput[];
  /** Pages with no text of their own (file names). */
  emptyPages: readonly string[];
  /** Entries dated after the build. */
  future: readonly FutureEntry[];
  /** Every occurrence of a wrong form of a standard phrasing. */
  wording: readonly { file: string; line: number; wrong: string; correct: string }[];
  /** Broken internal links and fragments: "page → target". */
  brokenLinks: readonly string[];
  /** Pages whose footer lacks a well-formed identifier, with what is missing. */
  identifierProblems: readonly string[];
  /** Problems with the 网站地图 page (none when it is there and linked). */
  siteMapProblems: readonly string[];
  /** Problems with robots.txt. */
  robotsProblems: readonly string[];
}

export interface Verdict {
  home: { latest?: Date; days?: number; fail: boolean };
  columns: ColumnResult[];
  staleDynamic: ColumnResult[];
  staleNotice: ColumnResult[];
  /** Empty columns and pages, by name. */
  empty: string[];
  /** Which 单项否决 items failed (keys of the report). */
  vetoes: { home: boolean; dynamic: boolean; notice: boolean; empty: boolean; future: boolean; wording: boolean };
  /** Which deduction items lose points. */
  deductions: { links: boolean; identifiers: boolean; siteMap: boolean; robots: boolean };
  /** True when no 单项否决 item failed: the exit status is 0. */
  pass: boolean;
}

/** Applies every rule to the facts. */
export function judge(facts: InspectionFacts): Verdict {
  const homeLatest = latest(facts.home);
  const home = { latest: homeLatest, days: homeLatest && daysSince(homeLatest, facts.on), fail: staleByDays(homeLatest, facts.on, RULES.homeDays) };
  const columns = facts.columns.map((c) => checkColumn(c, facts.on));
  const staleDynamic = columns.filter((c) => c.kind === 'dynamic' && c.stale);
  const staleNotice = columns.filter((c) => c.kind === 'notice' && c.stale);
  const empty = [...columns.filter((c) => c.empty).map((c) => c.name), ...facts.emptyPages];
  const vetoes = {
    home: home.fail,
    dynamic: staleDynamic.length >= RULES.staleColumns,
    notice: staleNotice.length > 0,
    empty: empty.length >= RULES.emptyColumns,
    future: facts.future.some((f) => f.shown),
    wording: facts.wording.length > 0,
  };
  const deductions = {
    links: facts.brokenLinks.length > 0,
    identifiers: facts.identifierProblems.length > 0,
    siteMap: facts.siteMapProblems.length > 0,
    robots: facts.robotsProblems.length > 0,
  };
  return { home, columns, staleDynamic, staleNotice, empty, vetoes, deductions, pass: !Object.values(vetoes).some(Boolean) };
}

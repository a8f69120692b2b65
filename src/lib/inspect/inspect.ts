/**
 * The rules of `npm run inspect`, from 《政府网站与政务新媒体检查指标》 (国办秘函〔2019〕19号):
 * pure functions over dates and plain facts, so each threshold is unit-tested. The script
 * (scripts/inspect.ts) gathers the facts from content/ and dist/ and prints the report.
 *
 * Days are Beijing calendar days: an entry published at 23:59 on 11-20 is one day old on 11-21.
 */
import { beijingDay } from '../dates.ts';

/**
 * 单项否决 thresholds, each with the indicator's wording (国办秘函〔2019〕19号, 附件1 单项否决指标).
 * The inspection judges the site's navigation columns (栏目: 一级 and their 二级); a station's
 * page is not a column (its freshness is a warning of its own, with no veto).
 */
export const RULES = {
  /** 站点无法访问/不更新：“首页栏目信息……超过2周未更新” — the home page's newest entry. */
  homeDays: 14,
  /** 栏目不更新：“动态、要闻类栏目超过2周未更新”. */
  dynamicDays: 14,
  /** 栏目不更新：“通知公告、政策文件类栏目超过6个月未更新” (一级栏目). */
  noticeMonths: 6,
  /** 栏目不更新：上两类栏目“累计超过（含）5个” — stale 动态/要闻 and 通知公告/政策文件 columns counted together. */
  staleColumns: 5,
  /**
   * 栏目不更新：“应更新但长期未更新的栏目数量超过（含）10个”. The document does not fix “长期”;
   * this site reads it as a year (theory columns, exchange board and the like).
   */
  longStaleMonths: 12,
  /** 栏目不更新：“应更新但长期未更新的栏目数量超过（含）10个”. */
  longStaleColumns: 10,
  /** 栏目不更新：“空白栏目数量超过（含）5个”. */
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

/**
 * dynamic: 动态/要闻 (2 weeks); notice: 通知公告/政策文件 (6 months); regular: 应更新栏目 (a
 * year, RULES.longStaleMonths); other: only checked for being empty.
 */
export type ColumnKind = 'dynamic' | 'notice' | 'regular' | 'other';

export interface ColumnInput {
  name: string;
  kind: ColumnKind;
  /** Publication dates of what the column lists on the built site: never an event's start. */
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
        : column.kind === 'regular'
          ? staleByMonths(newest, on, RULES.longStaleMonths)
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
  /** Each station's publication dates: a warning when quiet, never a veto (a station is not a column). */
  stations: readonly { name: string; dates: readonly Date[] }[];
  /** The 网上咨询建言渠道 of the settings (a 留言 page or a mailbox); empty when none. */
  consultation: string;
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
  /** 应更新但长期未更新的栏目. */
  staleRegular: ColumnResult[];
  /** Stations with no entry published within RULES.dynamicDays: warnings only. */
  quietStations: ColumnResult[];
  /** Empty columns and pages, by name. */
  empty: string[];
  /** Which 单项否决 items failed (keys of the report). */
  vetoes: { home: boolean; stale: boolean; longStale: boolean; empty: boolean; future: boolean; wording: boolean; interaction: boolean };
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
  const staleRegular = columns.filter((c) => c.kind === 'regular' && c.stale);
  const quietStations = facts.stations.map((s) => checkColumn({ ...s, kind: 'dynamic' }, facts.on)).filter((s) => s.stale);
  const empty = [...columns.filter((c) => c.empty).map((c) => c.name), ...facts.emptyPages];
  const vetoes = {
    home: home.fail,
    // “动态、要闻类栏目超过2周未更新，通知公告、政策文件类栏目超过6个月未更新，累计超过（含）5个”.
    stale: staleDynamic.length + staleNotice.length >= RULES.staleColumns,
    // “应更新但长期未更新的栏目数量超过（含）10个”.
    longStale: staleRegular.length >= RULES.longStaleColumns,
    // “空白栏目数量超过（含）5个”.
    empty: empty.length >= RULES.emptyColumns,
    // 严重错误：content dated after the build but shown (a false date).
    future: facts.future.some((f) => f.shown),
    // 严重错误：“严重错别字、虚假或伪造内容”— a wrong form of a standard political phrasing.
    wording: facts.wording.length > 0,
    // 互动回应差：“未提供网上有效咨询建言渠道”. A static site hosts none itself: the setting links one.
    interaction: facts.consultation.trim() === '',
  };
  const deductions = {
    links: facts.brokenLinks.length > 0,
    identifiers: facts.identifierProblems.length > 0,
    siteMap: facts.siteMapProblems.length > 0,
    robots: facts.robotsProblems.length > 0,
  };
  return { home, columns, staleDynamic, staleNotice, staleRegular, quietStations, empty, vetoes, deductions, pass: !Object.values(vetoes).some(Boolean) };
}

/**
 * Dates and times of the site, the one place that knows about Beijing time. Everything an editor
 * writes is Beijing time (Asia/Shanghai, UTC+8 all year, no daylight saving); pages show dates as
 * 2026年11月27日 and publish times as 2026-11-27 09:30. Nothing else in the code adds or subtracts
 * the offset: it asks this module for calendar parts, month keys and stamps.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;
/** One calendar day in milliseconds (Beijing has no daylight saving, so every day is this long). */
export const DAY_MS = 24 * 60 * 60 * 1000;

const LOCAL_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ZONED_RE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Turns a front-matter value into an instant. Strings without a zone ("2026-11-20 09:30",
 * "2026-11-20 09:30:00", "2026-11-20") are Beijing time; quoted strings with a zone are taken as
 * written. YAML itself turns an unquoted `2026-11-20` or `2026-11-20 09:30:00` into a Date whose
 * UTC fields are what the editor wrote, so a Date is read back as that Beijing wall-clock time
 * (an unquoted zoned timestamp cannot be told apart after YAML has parsed it: quote those).
 * Returns undefined for anything that is not a real date.
 */
export function toInstant(value: unknown): Date | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return new Date(value.getTime() - OFFSET_MS);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const local = LOCAL_RE.exec(text);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
    const year = Number(y),
      month = Number(mo),
      day = Number(d);
    const utc = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s));
    const check = new Date(utc);
    // Reject 2026-02-30 and 25:00 instead of letting Date roll them over.
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || Number(h) > 23 || Number(mi) > 59) {
      return undefined;
    }
    return new Date(utc - OFFSET_MS);
  }
  if (ZONED_RE.test(text) && /^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const parsed = new Date(text);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed;
  }
  return undefined;
}

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/** Calendar parts of an instant in Beijing time, zero-padded. */
export function shanghaiParts(date: Date): Parts {
  const shifted = new Date(date.getTime() + OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    year: String(shifted.getUTCFullYear()),
    month: pad(shifted.getUTCMonth() + 1),
    day: pad(shifted.getUTCDate()),
    hour: pad(shifted.getUTCHours()),
    minute: pad(shifted.getUTCMinutes()),
    second: pad(shifted.getUTCSeconds()),
  };
}

/** 2026年11月27日 */
export function formatDate(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
}

/** 2026-11-27 09:30 */
export function formatDateTime(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 09:30 */
export function formatTime(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.hour}:${p.minute}`;
}

/** Machine-readable value for a `<time datetime>` attribute, with the +08:00 offset. */
export function isoShanghai(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00+08:00`;
}

/** The Beijing calendar day an instant falls on, as "2026-11-27". */
export function beijingDay(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The last instant of a Beijing calendar day "2026-11-27" (23:59:59.999 +08:00). */
export function endOfBeijingDay(day: string): Date {
  return new Date(`${day}T23:59:59.999+08:00`);
}

/** Noon in Beijing on a calendar day "2026-11-27": an instant safely inside that day, for formatting it. */
export function beijingNoon(day: string): Date {
  return new Date(`${day}T12:00:00+08:00`);
}

/** The first instant of the Beijing calendar day after the one `date` falls on (the next 00:00 +08:00). */
export function startOfNextBeijingDay(date: Date): Date {
  return new Date(endOfBeijingDay(beijingDay(date)).getTime() + 1);
}

/** Days from 1970-01-01 to a calendar day "2026-11-27" (a day count, not an instant). */
export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** Whole Beijing calendar days from the day `from` falls on to the day `to` falls on (negative when `to` is earlier). */
export function calendarDaysBetween(from: Date, to: Date): number {
  return dayNumber(beijingDay(to)) - dayNumber(beijingDay(from));
}

/** The Beijing calendar year of an instant. */
export function shanghaiYear(date: Date): number {
  return Number(shanghaiParts(date).year);
}

/** "2026-11" for an instant: its Beijing calendar month. */
export function monthKey(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.year}-${p.month}`;
}

/** "20261127-183005": the Beijing date and time to the second, for file names. */
export function compactStamp(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.year}${p.month}${p.day}-${p.hour}${p.minute}${p.second}`;
}

/**
 * The written parts of a Beijing wall-clock text ("2026-11-20 09:30", "2026-11-20 09:30:00",
 * "2026-11-20"), as typed: no conversion, missing time parts are "00". Undefined when the text
 * does not start with a date.
 */
export function wallClockParts(value: string): Parts | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value.trim());
  if (!m) return undefined;
  const [, year = '', month = '', day = '', hour = '00', minute = '00', second = '00'] = m;
  return { year, month, day, hour, minute, second };
}

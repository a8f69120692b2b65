/**
 * How the CMS names new files and uploads. Entry file names come from the slug templates in
 * cms.ts, filled in by Decap; `fillSlug` and `uniqueSlug` reproduce Decap's rule so it can be
 * unit-tested (the E2E test proves the real thing). Upload names are made ASCII here, before
 * Decap sees them, because Decap's own slugging turns "封面.jpg" into ".jpg": a hidden file that
 * the next Chinese-named upload would overwrite.
 */
import { compactStamp, wallClockParts } from '../dates.ts';

/** Decap's slug sanitising with `encoding: ascii` and `-` as replacement, lower-cased. */
export function sanitizeSegment(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_.~-]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Formats a Beijing wall-clock value ("2026-11-20 09:30" or "2026-11-20") like Decap's date filter. */
function formatWallClock(value: string, pattern: string): string {
  const p = wallClockParts(value);
  if (!p) return '';
  return pattern.replace('YYYY', p.year).replace('MM', p.month).replace('DD', p.day).replace('HH', p.hour).replace('mm', p.minute);
}

/**
 * Fills a slug template the way Decap does for our templates: `{{fields.x | date('…')}}`,
 * `{{x}}` (a field value) and `{{year}}`…`{{second}}` (the save time, in UTC as Decap has it);
 * every filled value is sanitised, the literal parts are kept.
 */
export function fillSlug(template: string, data: Record<string, unknown>, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock: Record<string, string> = {
    year: String(now.getUTCFullYear()),
    month: pad(now.getUTCMonth() + 1),
    day: pad(now.getUTCDate()),
    hour: pad(now.getUTCHours()),
    minute: pad(now.getUTCMinutes()),
    second: pad(now.getUTCSeconds()),
  };
  return template.replace(/\{\{ *([^}{| ]+)(?: \| date\('([^']+)'\))? *\}\}/g, (_, key: string, datePattern?: string) => {
    const name = key.startsWith('fields.') ? key.slice('fields.'.length) : key;
    const value = data[name];
    const raw = clock[key] ?? (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
    return sanitizeSegment(datePattern ? formatWallClock(raw, datePattern) : raw);
  });
}

/** Decap's collision rule: the first free name of `slug`, `slug-1`, `slug-2` … */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  let candidate = slug;
  for (let i = 1; taken.has(candidate); i++) candidate = `${slug}-${i}`;
  return candidate;
}

/**
 * The name an upload is stored under: its ASCII part (or "tupian" when nothing of it is ASCII),
 * the Beijing date and time to the second, and the lower-cased extension, e.g.
 * "封面.JPG" → "tupian-20261127-183005.jpg". The time stamp keeps a later upload of the same
 * name from replacing an earlier one.
 */
export function safeUploadName(name: string, now: Date): string {
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext =
    dot > 0
      ? name
          .slice(dot + 1)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
      : '';
  const stem =
    sanitizeSegment(base)
      .replace(/[_.~]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40)
      .replace(/-$/, '') || 'tupian';
  return `${stem}-${compactStamp(now)}${ext ? `.${ext}` : ''}`;
}

type Path = (string | number)[];

/**
 * The paths of what an editor left empty in an entry (empty strings, null, and objects left
 * empty once those are gone), deepest first. Deleting them before the save means a cleared
 * optional field is absent rather than "" (which the schema rejects for references, numbers
 * and images). Lists are kept: an empty list is a valid value.
 */
export function emptyPaths(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (v && typeof v === 'object') out.push(...emptyPaths(v, [...at, i]));
    });
    return out;
  }
  if (!value || typeof value !== 'object') return out;
  const entries = Object.entries(value);
  let removed = 0;
  for (const [k, v] of entries) {
    const isEmptyScalar = v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
    if (isEmptyScalar) {
      out.push([...at, k]);
      removed++;
    } else if (v && typeof v === 'object') {
      const inner = emptyPaths(v, [...at, k]);
      out.push(...inner);
      if (!Array.isArray(v) && inner.some((p) => p.length === at.length + 1 && p[at.length] === k)) removed++;
    }
  }
  if (at.length > 0 && entries.length > 0 && removed === entries.length) out.push(at);
  return out;
}

/** The admin's preSave: Decap's entry data (an Immutable map) with every path of `emptyPaths` deleted. */
export function dropEmpty<D extends { toJS(): unknown; deleteIn(path: Path): D }>(data: D): D {
  let out = data;
  for (const path of emptyPaths(data.toJS())) out = out.deleteIn(path);
  return out;
}

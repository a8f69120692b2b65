/**
 * Writes a synthetic but valid content root of N dated entries for the benchmark: the fixed
 * collections (settings, streets, columns, courses, pages, exams, stations) are copied from the
 * real content, then news, activities, lessons, theory, exchange and diary are generated from a
 * seeded PRNG over the phrase lists in ./phrases.ts. The same seed gives byte-identical files.
 *
 *   node scripts/bench/generate.ts --n 1000 --seed 1 --out .tmp/bench/content
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { DAY_MS } from '../../src/lib/dates.ts';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';
import { ACTIVITY_KINDS, EXCHANGE_TOPICS, NEWS_CATEGORIES } from '../../src/lib/schema/enums.ts';
import * as P from './phrases.ts';
import { seededRandom } from '../../src/lib/school/exam.ts';

/** Collections copied unchanged from the real content root. */
const COPIED = ['settings', 'streets', 'columns', 'courses', 'pages', 'exams'] as const;

/** Share of the N entries each generated collection gets (sums to 1). */
export const SHARES = { news: 0.3, activities: 0.15, lessons: 0.1, theory: 0.15, exchange: 0.1, diary: 0.2 } as const;
type Generated = keyof typeof SHARES;

/** The same seeded generator (mulberry32) the exam draw uses. */
export { seededRandom as mulberry32 };

/** Random helpers over one PRNG. */
export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** How many entries of each collection N entries split into (the rest goes to news). */
export function splitCounts(n: number): Record<Generated, number> {
  const counts = {} as Record<Generated, number>;
  let assigned = 0;
  for (const [name, share] of Object.entries(SHARES) as [Generated, number][]) {
    counts[name] = Math.floor(n * share);
    assigned += counts[name];
  }
  counts.news += n - assigned;
  return counts;
}

interface StationInfo {
  id: string;
  /** Short name: the main building, e.g. 领秀大厦. */
  building: string;
}

export interface GenerateOptions {
  /** Number of generated entries (news + activities + lessons + theory + exchange + diary). */
  n: number;
  seed: number;
  /** Target content root; emptied first. */
  out: string;
  /** Real content root to copy the fixed collections from. */
  source?: string;
}

export interface GenerateResult {
  counts: Record<Generated, number>;
  stations: number;
  files: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** A JSON string is a valid YAML scalar and needs no further escaping. */
const str = (s: string) => JSON.stringify(s);

/** Fills `{s}` (station), `{b}` (building), `{n}` (count), `{m}` (month) and `{q}` (quarter). */
function fill(rng: Rng, text: string, station: StationInfo | undefined): string {
  const short = station ? station.building : '全区';
  return text
    .replaceAll('{s}', short)
    .replaceAll('{b}', station?.building ?? '区党群服务中心')
    .replace(/\{n\}/g, () => String(rng.int(3, 60)))
    .replace(/\{m\}/g, () => String(rng.int(1, 12)))
    .replace(/\{q\}/g, () => '一二三四'[rng.int(0, 3)] as string);
}

/** One news-style sentence: opener, subject, action, purpose, then sometimes a detail. */
function reportSentence(rng: Rng, station: StationInfo | undefined): string {
  let s = `${rng.chance(0.6) ? rng.pick(P.OPENERS) : ''}${rng.pick(P.SUBJECTS)}${rng.pick(P.ACTIONS)}，${rng.pick(P.PURPOSES)}。`;
  if (rng.chance(0.7)) s += rng.pick(P.DETAILS);
  return fill(rng, s, station);
}

/**
 * Paragraphs of 2–5 sentences until about `target` characters, never more than `max` before
 * the closing sentence.
 */
function body(rng: Rng, target: number, max: number, sentence: () => string, closing?: () => string): string {
  const paragraphs: string[] = [];
  let length = 0;
  outer: while (length < target) {
    const count = rng.int(2, 5);
    let p = '';
    for (let i = 0; i < count; i++) {
      const s = sentence();
      if (length + p.length + s.length > max) {
        if (p) paragraphs.push(p);
        break outer;
      }
      p += s;
    }
    paragraphs.push(p);
    length += p.length;
  }
  if (closing) paragraphs.push(closing());
  return `${paragraphs.join('\n\n')}\n`;
}

/** The last day generated entries are dated (the span ends here and grows backwards). */
const LAST_DAY = Date.UTC(2026, 10, 26);
/** Days the dates span at small N: 2024-01-01 to 2026-11-26. */
const MIN_SPAN_DAYS = 1061;
/** A district publishes about 6,000 entries a year (issue 15): larger N span more years. */
export const ENTRIES_PER_YEAR = 6000;

/** Days the dates of N entries span: at least MIN_SPAN_DAYS, else N at ENTRIES_PER_YEAR. */
export function spanDays(n: number): number {
  return Math.max(MIN_SPAN_DAYS, Math.ceil((n / ENTRIES_PER_YEAR) * 365.25));
}

/** A Beijing-time instant in the `days` days up to 2026-11-26, with date and time parts. */
function randomTime(rng: Rng, days: number): { date: string; time: string; dayIndex: number } {
  const start = LAST_DAY - (days - 1) * DAY_MS;
  const dayIndex = rng.int(0, days - 1);
  const d = new Date(start + dayIndex * DAY_MS);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(rng.int(8, 17))}:${pad(rng.pick([0, 10, 15, 20, 30, 40, 45, 50]))}`;
  return { date, time, dayIndex };
}

function frontMatter(fields: [string, string | undefined][], text: string): string {
  const lines = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n${text}`;
}

function tagList(rng: Rng): string {
  const tags = new Set<string>();
  const count = rng.int(1, 3);
  while (tags.size < count) tags.add(rng.pick(P.TAGS));
  return `[${[...tags].map(str).join(', ')}]`;
}

function summaryOf(text: string): string {
  const first = text.split('\n')[0] ?? '';
  const cut = first.indexOf('。');
  return (cut > 0 && cut < 120 ? first.slice(0, cut + 1) : first.slice(0, 100)).trim();
}

function readIds(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .sort();
}

function copyDir(from: string, to: string, filter: (f: string) => boolean = () => true): number {
  mkdirSync(to, { recursive: true });
  if (!existsSync(from)) return 0;
  const files = readdirSync(from).filter(filter).sort();
  for (const f of files) copyFileSync(path.join(from, f), path.join(to, f));
  return files.length;
}

/** Reads the main building's name from a station file's front matter. */
function stationInfo(file: string): StationInfo {
  const raw = readFileSync(file, 'utf8');
  const parts = splitFrontMatter(raw);
  const data = (parts ? yaml.load(parts.yaml) : {}) as { buildings?: { name?: string }[] };
  const building = data.buildings?.[0]?.name ?? '某某大厦';
  return { id: path.basename(file, '.md'), building };
}

/** Generates the content root; see the module comment. */
export function generateContent(options: GenerateOptions): GenerateResult {
  const { n, seed, out, source = 'content' } = options;
  rmSync(out, { recursive: true, force: true });
  let files = 0;
  for (const c of COPIED) files += copyDir(path.join(source, c), path.join(out, c));

  const stationsDir = path.join(out, 'stations');
  files += copyDir(path.join(source, 'stations'), stationsDir, (f) => f.endsWith('.md'));
  const stations = readIds(stationsDir, '.md').map((id) => stationInfo(path.join(stationsDir, `${id}.md`)));
  const courses = readIds(path.join(out, 'courses'), '.md');
  const columns = readIds(path.join(out, 'columns'), '.yaml');
  if (stations.length === 0 || courses.length === 0 || columns.length === 0) {
    throw new Error(`${source}: need at least one station, course and column to generate from`);
  }

  // The copied exam questions name real lessons, which are not copied: point them at the
  // first generated lesson of the exam's course instead.
  for (const id of readIds(path.join(out, 'exams'), '.yaml')) {
    const file = path.join(out, 'exams', `${id}.yaml`);
    const text = readFileSync(file, 'utf8');
    const course = /^course:\s*(\S+)/m.exec(text)?.[1];
    if (course) writeFileSync(file, text.replace(/^(\s+lesson:\s*).*$/gm, `$1${course}-bench-${pad(1, 5)}`));
  }

  const rng = new Rng(seed);
  const counts = splitCounts(n);
  const days = spanDays(n);
  const write = (collection: string, id: string, text: string) => {
    const dir = path.join(out, collection);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${id}.md`), text);
    files++;
  };
  const report = (station: StationInfo | undefined) => () => reportSentence(rng, station);
  const closing = (station: StationInfo | undefined) => () => fill(rng, rng.pick(P.CLOSINGS), station);
  const sentences = (list: readonly string[], station?: StationInfo) => () => fill(rng, rng.pick(list), station);

  for (let i = 0; i < counts.news; i++) {
    const station = rng.chance(0.85) ? rng.pick(stations) : undefined;
    const { date, time } = randomTime(rng, days);
    const text = body(rng, rng.int(450, 1000), 1130, report(station), closing(station));
    const title = station ? fill(rng, rng.pick(P.NEWS_TITLES), station) : rng.pick(P.DISTRICT_TITLES);
    write(
      'news',
      `${date}-${station?.id ?? 'ququ'}-n${pad(i, 5)}`,
      frontMatter(
        [
          ['title', str(title)],
          ['published', `${date} ${time}`],
          ['station', station?.id],
          ['category', str(station ? rng.pick(NEWS_CATEGORIES) : rng.pick(['党建动态', '通知公告']))],
          ['tags', tagList(rng)],
          ['summary', str(summaryOf(text))],
          ['author', rng.chance(0.5) ? str(station ? '工作站' : '区委社会工委') : undefined],
        ],
        text,
      ),
    );
  }

  for (let i = 0; i < counts.activities; i++) {
    const station = rng.pick(stations);
    const { date, time } = randomTime(rng, days);
    const [h, m] = time.split(':') as [string, string];
    const end = `${pad(Math.min(Number(h) + rng.int(1, 3), 21))}:${m}`;
    const text = body(rng, rng.int(150, 450), 600, report(station));
    write(
      'activities',
      `${date}-${station.id}-a${pad(i, 5)}`,
      frontMatter(
        [
          ['title', str(rng.pick(P.ACTIVITY_TITLES))],
          ['start', `${date} ${time}`],
          ['end', `${date} ${end}`],
          ['place', str(fill(rng, rng.pick(P.PLACES), station))],
          ['station', station.id],
          ['kind', rng.pick(ACTIVITY_KINDS)],
          ['audience', str(rng.pick(['楼内企业员工', '楼内党员', '青年员工', '企业财务、人事负责人', '女职工']))],
          ['signup', str(rng.pick(['拨打工作站办公电话报名', '无需报名，直接到场', `在楼宇微信群报名，限${rng.int(20, 80)}人`]))],
          ['cancelled', rng.chance(0.05) ? 'true' : undefined],
          ['summary', str(summaryOf(text))],
          ['tags', tagList(rng)],
        ],
        text,
      ),
    );
  }

  const lessonOrder = new Map<string, number>();
  for (let i = 0; i < counts.lessons; i++) {
    // Every course gets its first lesson before any gets a second: the copied exams point at them.
    const course = i < courses.length ? (courses[i] as string) : rng.pick(courses);
    const order = (lessonOrder.get(course) ?? 0) + 1;
    lessonOrder.set(course, order);
    const text = body(rng, rng.int(400, 1000), 1200, sentences(P.LESSON_SENTENCES));
    const quiz = [
      '  - question: "工作站的全称由街道名、主楼名和“工作站”组成。"',
      '    type: truefalse',
      '    options: ["正确", "错误"]',
      '    answer: [0]',
      '    explanation: "全称为“xx街道xx大厦工作站”。"',
      '  - question: "“五站合一”不包括下列哪一项？"',
      '    type: single',
      '    options: ["党建工作站", "工会工作站", "税务工作站", "妇联工作站"]',
      '    answer: [2]',
      '    explanation: "五站是党建、社会、工会、团建、妇联工作站。"',
    ].join('\n');
    write(
      'lessons',
      `${course}-bench-${pad(order, 5)}`,
      frontMatter(
        [
          ['title', str(`第${order}课 ${rng.pick(P.LESSON_TITLES)}`)],
          ['course', course],
          ['order', String(order)],
          ['minutes', String(rng.int(5, 20))],
          ['summary', str(summaryOf(text))],
          ['quiz', `\n${quiz}`],
        ],
        text,
      ),
    );
  }

  for (let i = 0; i < counts.theory; i++) {
    const { date, time } = randomTime(rng, days);
    const text = body(rng, rng.int(800, 2000), 2300, sentences(P.THEORY_SENTENCES));
    write(
      'theory',
      `${date}-t${pad(i, 5)}`,
      frontMatter(
        [
          ['title', str(rng.pick(P.THEORY_TITLES))],
          ['column', rng.pick(columns)],
          ['author', rng.chance(0.6) ? str(rng.pick(['区委社会工委', '楼宇工作站', '理论学习小组'])) : undefined],
          ['published', `${date} ${time}`],
          ['summary', str(summaryOf(text))],
          ['tags', tagList(rng)],
        ],
        text,
      ),
    );
  }

  const exchangeIds: string[] = [];
  for (let i = 0; i < counts.exchange; i++) {
    const station = rng.pick(stations);
    const { date, time } = randomTime(rng, days);
    const text = body(rng, rng.int(300, 900), 1000, report(station), closing(station));
    const id = `${date}-${station.id}-x${pad(i, 5)}`;
    // Replies point only at earlier posts, so reply chains never form a cycle.
    const replyTo = exchangeIds.length > 0 && rng.chance(0.2) ? rng.pick(exchangeIds) : undefined;
    write(
      'exchange',
      id,
      frontMatter(
        [
          ['title', str(replyTo ? `回复：${rng.pick(P.EXCHANGE_TITLES)}` : rng.pick(P.EXCHANGE_TITLES))],
          ['station', station.id],
          ['topic', rng.pick(EXCHANGE_TOPICS)],
          ['published', `${date} ${time}`],
          ['summary', str(summaryOf(text))],
          ['tags', tagList(rng)],
          ['replyTo', replyTo],
        ],
        text,
      ),
    );
    exchangeIds.push(id);
  }

  for (let i = 0; i < counts.diary; i++) {
    const station = rng.pick(stations);
    const { date } = randomTime(rng, days);
    const text = body(rng, rng.int(100, 400), 500, sentences(P.DIARY_SENTENCES, station));
    write(
      'diary',
      `${date}-${station.id}-d${pad(i, 5)}`,
      frontMatter(
        [
          ['title', str(rng.pick(P.DIARY_TITLES))],
          ['station', station.id],
          ['date', date],
          ['tags', tagList(rng)],
        ],
        text,
      ),
    );
  }

  return { counts, stations: stations.length, files };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.main) {
  const n = Number(arg('n') ?? 1000);
  const seed = Number(arg('seed') ?? 1);
  const out = arg('out') ?? '.tmp/bench/content';
  const result = generateContent({ n, seed, out });
  console.log(`Generated ${n} entries (${JSON.stringify(result.counts)}), ${result.stations} stations, ${result.files} files in ${out}`);
}

/**
 * Shared content queries. Each collection is read once per build (the promises are cached at
 * module level), drafts are dropped here and nowhere else, and every list is sorted here.
 * Pages import from this module instead of calling getCollection themselves.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { stationName, stationShortName } from './stations/naming.ts';
import { buildNow, isReleased } from './schedule.ts';

type Dated = 'news' | 'activities' | 'theory' | 'exchange' | 'diary';

const cache = new Map<string, Promise<unknown>>();
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as Promise<T>;
}

const notDraft = (e: { data: { draft?: boolean } }) => !e.data.draft;

/** The build time, read once: entries published after it wait for a later build (定时发布). */
const NOW = buildNow();

/**
 * The publish time of an entry, if its collection has one: news, theory and exchange posts have
 * `published`, a diary entry its day. An activity's start is not a publish time (activities are
 * announced ahead), so activities are never held back.
 */
function publishTime(e: CollectionEntry<Dated>): Date | undefined {
  if (e.collection === 'diary') return e.data.date;
  return 'published' in e.data ? e.data.published : undefined;
}

/** The one settings entry. */
export function getSettings(): Promise<CollectionEntry<'settings'>['data']> {
  return once('settings', async () => {
    const [entry] = await getCollection('settings');
    if (!entry) throw new Error('content/settings: 缺少站点设置文件');
    return entry.data;
  });
}

/** Streets in their configured order. */
export function getStreets(): Promise<CollectionEntry<'streets'>[]> {
  return once('streets', async () =>
    (await getCollection('streets')).sort((a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name, 'zh-CN')),
  );
}

/** A station with its derived official name and its street. */
export interface Station {
  id: string;
  name: string;
  shortName: string;
  street: CollectionEntry<'streets'>;
  entry: CollectionEntry<'stations'>;
}

/** Every station with its official name, ordered by street, then by name. */
export function getStations(): Promise<Station[]> {
  return once('stations', async () => {
    const streets = await getStreets();
    const byId = new Map(streets.map((s) => [s.id, s]));
    const order = new Map(streets.map((s, i) => [s.id, i]));
    const stations = (await getCollection('stations')).map((entry): Station => {
      const street = byId.get(entry.data.street.id);
      if (!street) throw new Error(`${entry.filePath ?? entry.id}: 字段 street：街道“${entry.data.street.id}”不存在`);
      return {
        id: entry.id,
        name: stationName({ street: street.data.name, buildings: entry.data.buildings }),
        shortName: stationShortName(entry.data),
        street,
        entry,
      };
    });
    return stations.sort((a, b) => (order.get(a.street.id) ?? 0) - (order.get(b.street.id) ?? 0) || a.name.localeCompare(b.name, 'zh-CN'));
  });
}

/** Stations by id, for resolving references. */
export function stationMap(): Promise<Map<string, Station>> {
  return once('stationMap', async () => new Map((await getStations()).map((s) => [s.id, s])));
}

function dateOf(e: CollectionEntry<Dated>): Date {
  const d = e.data as { published?: Date; start?: Date; date?: Date };
  return d.published ?? d.start ?? d.date ?? new Date(0);
}

/** Published entries of a dated collection (no drafts, none scheduled after the build), newest first. */
export function getDated<C extends Dated>(name: C): Promise<CollectionEntry<C>[]> {
  return once(name, async () => {
    const entries = (await getCollection(name)) as CollectionEntry<C>[];
    return entries
      .filter((e) => notDraft(e) && isReleased(publishTime(e), NOW))
      .sort((a, b) => dateOf(b).getTime() - dateOf(a).getTime() || a.id.localeCompare(b.id));
  });
}

/** The date an entry is listed by (publish time, start time or diary day). */
export { dateOf as entryDate };

/** Theory columns in order. */
export function getColumns(): Promise<CollectionEntry<'columns'>[]> {
  return once('columns', async () => (await getCollection('columns')).sort((a, b) => a.data.order - b.data.order));
}

/** Courses in order. */
export function getCourses(): Promise<CollectionEntry<'courses'>[]> {
  return once('courses', async () => (await getCollection('courses')).sort((a, b) => a.data.order - b.data.order));
}

/** Published lessons, by course then by order. */
export function getLessons(): Promise<CollectionEntry<'lessons'>[]> {
  return once('lessons', async () =>
    (await getCollection('lessons')).filter(notDraft).sort((a, b) => a.data.course.id.localeCompare(b.data.course.id) || a.data.order - b.data.order),
  );
}

/** Exams. */
export function getExams(): Promise<CollectionEntry<'exams'>[]> {
  return once('exams', () => getCollection('exams'));
}

/** Static pages (about, accessibility statement, …) in footer order. */
export function getPages(): Promise<CollectionEntry<'pages'>[]> {
  return once('pages', async () => (await getCollection('pages')).sort((a, b) => a.data.order - b.data.order));
}

/** Published topics (专题), newest start first. */
export function getTopics(): Promise<CollectionEntry<'topics'>[]> {
  return once('topics', async () =>
    (await getCollection('topics')).filter(notDraft).sort((a, b) => b.data.start.getTime() - a.data.start.getTime() || a.id.localeCompare(b.id)),
  );
}

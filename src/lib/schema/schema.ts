/**
 * The content model: one zod schema per collection. This is the single source of truth for
 * what an entry may contain. `src/content.config.ts` hands these schemas to Astro, and
 * `scripts/validate-content.ts` runs the very same schemas before Astro starts, so that a bad
 * file is reported in one plain line.
 *
 * Each collection's schema is in collections/<name>.ts, built from fields.ts; this module puts
 * them together. Every field carries `.meta({ title, description })`: the Chinese label and hint
 * an editor sees in the CMS. The English `//` comment above each field is for developers.
 */
import type { z } from 'astro/zod';
import type { CollectionName } from './enums.ts';
import type { SchemaHelpers } from './fields.ts';
import { settingsSchema } from './collections/settings.ts';
import { streetsSchema } from './collections/streets.ts';
import { stationsSchema } from './collections/stations.ts';
import { newsSchema } from './collections/news.ts';
import { activitiesSchema } from './collections/activities.ts';
import { columnsSchema } from './collections/columns.ts';
import { theorySchema } from './collections/theory.ts';
import { coursesSchema } from './collections/courses.ts';
import { lessonsSchema } from './collections/lessons.ts';
import { examsSchema } from './collections/exams.ts';
import { exchangeSchema } from './collections/exchange.ts';
import { diarySchema } from './collections/diary.ts';
import { pagesSchema } from './collections/pages.ts';
import { topicsSchema } from './collections/topics.ts';

export { MAX_LENGTH, optionalText, refineTopic, requireCoverAlt, text } from './fields.ts';
export type { Question, SchemaHelpers } from './fields.ts';

/** Builds every collection's schema with the given reference and image helpers. */
export function makeSchemas<R extends z.ZodType, I extends z.ZodType>(helpers: SchemaHelpers<R, I>) {
  return {
    settings: settingsSchema(),
    streets: streetsSchema(),
    stations: stationsSchema(helpers),
    news: newsSchema(helpers),
    activities: activitiesSchema(helpers),
    columns: columnsSchema(),
    theory: theorySchema(helpers),
    courses: coursesSchema(),
    lessons: lessonsSchema(helpers),
    exams: examsSchema(helpers),
    exchange: exchangeSchema(helpers),
    diary: diarySchema(helpers),
    pages: pagesSchema(),
    topics: topicsSchema(helpers),
  };
}

/** Where each collection lives under the content root, and its file pattern. */
export const COLLECTION_FILES: Record<CollectionName, string> = {
  settings: 'settings/*.yaml',
  streets: 'streets/*.yaml',
  stations: 'stations/*.md',
  news: 'news/*.md',
  activities: 'activities/*.md',
  columns: 'columns/*.yaml',
  theory: 'theory/*.md',
  courses: 'courses/*.md',
  lessons: 'lessons/*.md',
  exams: 'exams/*.yaml',
  exchange: 'exchange/*.md',
  diary: 'diary/*.md',
  pages: 'pages/*.md',
  topics: 'topics/*.md',
};

/**
 * First address segments that the site's own routes and build output use. A single page lives
 * at /<id>/, so a page file with one of these names would take a section's address (or the
 * CMS's); the validator refuses it. A unit test keeps this list in step with `src/pages/`.
 */
export const RESERVED_PAGE_IDS: ReadonlySet<string> = new Set([
  'news',
  'activities',
  'theory',
  'school',
  'stations',
  'exchange',
  'diary',
  'topics',
  'stats',
  'search',
  'admin',
  'media',
  'pagefind',
  '_astro',
  '404',
  'rss',
  'sitemap',
  'favicon',
  'index',
  'robots',
]);

/**
 * Ids the party school's own routes take: a course lives at /school/<id>/ beside the record and
 * 每日一题 pages, and a lesson at /school/<course>/<id>/ beside the course's exam and its further
 * syllabus pages (/school/<course>/page/<n>/). A course or lesson file with one of these names
 * would take (or shadow) such an address; the validator refuses it. A unit test keeps these
 * lists in step with `src/pages/school/`.
 */
export const RESERVED_COURSE_IDS: ReadonlySet<string> = new Set(['record', 'daily']);
export const RESERVED_LESSON_IDS: ReadonlySet<string> = new Set(['exam', 'page']);

/** An entry's id: its file name without folder and extension ("a/b/x-y.md" → "x-y"). */
export function entryIdFromFile(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * Astro's view of the content model. The schemas themselves live in `src/lib/schema/schema.ts` so that
 * `scripts/validate-content.ts` can run them before Astro does; here they are only wired to
 * loaders and to Astro's `reference()` and `image()` helpers.
 */
import { defineCollection, reference, type ImageFunction } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { COLLECTION_FILES, entryIdFromFile, makeSchemas, refineTopic, requireCoverAlt } from './lib/schema/schema.ts';
import { CONTENT_ROOT } from './lib/schema/content-root.ts';
import type { CollectionName } from './lib/schema/enums.ts';

/**
 * Loads `<content root>/<folder>/<pattern>`; the file name (without extension) is the id, and
 * only the file name: Astro's default would let a `slug:` key in front matter choose the id, so
 * that a new file could take over another entry's address (the schemas refuse `slug:` too).
 *
 * Only lessons keep their raw Markdown body in Astro's data store (their reading time is counted
 * from it); every other page shows the rendered HTML. The store is held in memory for the whole
 * build, and at 60,000 entries the bodies were about a third of it (`npm run bench -- --large`).
 */
function loader(name: CollectionName) {
  const [folder, pattern] = COLLECTION_FILES[name].split('/') as [string, string];
  return glob({ base: `./${CONTENT_ROOT}/${folder}`, pattern, retainBody: name === 'lessons', generateId: ({ entry }) => entryIdFromFile(entry) });
}

/**
 * The shared schemas with Astro's own reference helper, built once. Astro calls a schema given
 * as a function once per entry, and building all thirteen schemas for every entry made content
 * sync the slowest step of the build (see `npm run bench`). Only `news` and `topics` use image(),
 * whose helper Astro makes per entry, so only they keep the function form, only to swap the picture.
 */
const fixed = makeSchemas({ ref: (c) => reference(c), image: () => z.never() });

/**
 * news with Astro's per-entry image helper for its cover: the built-once shape, cover swapped.
 * zod refuses `.extend` on a refined object, so the object is rebuilt from the shape and the
 * news refinement applied again.
 */
function newsWithImage(image: ImageFunction) {
  const cover = image().optional();
  const meta = fixed.news.shape.cover.meta();
  return z.strictObject({ ...fixed.news.shape, cover: meta ? cover.meta(meta) : cover }).superRefine(requireCoverAlt);
}

/** topics with Astro's per-entry image helper for the banner, rebuilt like news. */
function topicsWithImage(image: ImageFunction) {
  const shape = fixed.topics.shape;
  const meta = shape.banner.meta();
  const banner = image();
  return z.strictObject({ ...shape, banner: meta ? banner.meta(meta) : banner }).superRefine(refineTopic);
}

export const collections = {
  settings: defineCollection({ loader: loader('settings'), schema: fixed.settings }),
  streets: defineCollection({ loader: loader('streets'), schema: fixed.streets }),
  stations: defineCollection({ loader: loader('stations'), schema: fixed.stations }),
  news: defineCollection({ loader: loader('news'), schema: ({ image }) => newsWithImage(image) }),
  activities: defineCollection({ loader: loader('activities'), schema: fixed.activities }),
  columns: defineCollection({ loader: loader('columns'), schema: fixed.columns }),
  theory: defineCollection({ loader: loader('theory'), schema: fixed.theory }),
  courses: defineCollection({ loader: loader('courses'), schema: fixed.courses }),
  lessons: defineCollection({ loader: loader('lessons'), schema: fixed.lessons }),
  exams: defineCollection({ loader: loader('exams'), schema: fixed.exams }),
  exchange: defineCollection({ loader: loader('exchange'), schema: fixed.exchange }),
  diary: defineCollection({ loader: loader('diary'), schema: fixed.diary }),
  pages: defineCollection({ loader: loader('pages'), schema: fixed.pages }),
  topics: defineCollection({ loader: loader('topics'), schema: ({ image }) => topicsWithImage(image) }),
};

/**
 * Astro's view of the content model. The schemas themselves live in `src/lib/schema.ts` so that
 * `scripts/validate-content.ts` can run them before Astro does; here they are only wired to
 * loaders and to Astro's `reference()` and `image()` helpers.
 */
import { defineCollection, reference, type ImageFunction } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTION_FILES, makeSchemas } from './lib/schema.ts';
import { CONTENT_ROOT } from './lib/content-root.ts';
import type { CollectionName } from './lib/enums.ts';

/** Loads `<content root>/<folder>/<pattern>`; the file name (without extension) is the id. */
function loader(name: CollectionName) {
  const [folder, pattern] = COLLECTION_FILES[name].split('/') as [string, string];
  return glob({ base: `./${CONTENT_ROOT}/${folder}`, pattern });
}

/** The shared schemas with Astro's own reference and image helpers. */
const schemas = (image: ImageFunction) =>
  makeSchemas({ ref: (c) => reference(c), image });

export const collections = {
  settings: defineCollection({ loader: loader('settings'), schema: ({ image }) => schemas(image).settings }),
  streets: defineCollection({ loader: loader('streets'), schema: ({ image }) => schemas(image).streets }),
  stations: defineCollection({ loader: loader('stations'), schema: ({ image }) => schemas(image).stations }),
  news: defineCollection({ loader: loader('news'), schema: ({ image }) => schemas(image).news }),
  activities: defineCollection({ loader: loader('activities'), schema: ({ image }) => schemas(image).activities }),
  columns: defineCollection({ loader: loader('columns'), schema: ({ image }) => schemas(image).columns }),
  theory: defineCollection({ loader: loader('theory'), schema: ({ image }) => schemas(image).theory }),
  courses: defineCollection({ loader: loader('courses'), schema: ({ image }) => schemas(image).courses }),
  lessons: defineCollection({ loader: loader('lessons'), schema: ({ image }) => schemas(image).lessons }),
  exams: defineCollection({ loader: loader('exams'), schema: ({ image }) => schemas(image).exams }),
  exchange: defineCollection({ loader: loader('exchange'), schema: ({ image }) => schemas(image).exchange }),
  diary: defineCollection({ loader: loader('diary'), schema: ({ image }) => schemas(image).diary }),
  pages: defineCollection({ loader: loader('pages'), schema: ({ image }) => schemas(image).pages }),
};

/**
 * The same collections as the site, read with plain glob loaders from BENCH_CONTENT_ROOT (an
 * absolute path) and permissive schemas: the baseline measures Astro, not our validation.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const root = process.env.BENCH_CONTENT_ROOT ?? '../../../content';
const loose = z.looseObject({ title: z.string().optional() });
const md = (folder: string) => defineCollection({ loader: glob({ base: `${root}/${folder}`, pattern: '*.md' }), schema: loose });

export const collections = {
  stations: md('stations'),
  news: md('news'),
  activities: md('activities'),
  lessons: md('lessons'),
  theory: md('theory'),
  exchange: md('exchange'),
  diary: md('diary'),
};

import type { APIRoute } from 'astro';
import { getCourses, getExams, getLessons } from '../../lib/content.ts';
import { buildCatalogue, schoolUrls, serviceWorkerSource } from '../../lib/school.ts';

/** /school/sw.js — the party school's offline service worker (scope /school/). */
export const GET: APIRoute = async () => {
  const catalogue = buildCatalogue(await getCourses(), await getLessons());
  const examCourses = (await getExams()).map((e) => e.data.course.id);
  const urls = schoolUrls(catalogue, examCourses);
  // A new build gets a new cache, so learners never read stale pages after an update.
  const version = Date.now().toString(36);
  return new Response(serviceWorkerSource(urls, version), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};

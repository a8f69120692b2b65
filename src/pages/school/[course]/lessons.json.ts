/**
 * /school/<course>/lessons.json: the course's lessons in study order (id, title, address, quiz
 * flag). Pages carry only a course's lesson count; the school's scripts fetch this file when the
 * learner has progress in the course; the service worker stores it when fetched, for offline use.
 */
import { keyedBySite } from '../../../lib/cache-keys.content.ts';
import type { APIRoute } from 'astro';
import { getCourses, getLessons } from '../../../lib/collections.content.ts';
import { courseLessonsFile } from '../../../lib/school/syllabus.ts';
import type { CourseLessonsFile } from '../../../lib/school/school.ts';

export async function getStaticPaths() {
  const lessons = await getLessons();
  return keyedBySite((await getCourses()).map((course) => ({ params: { course: course.id }, props: { body: courseLessonsFile(course.id, lessons) } })));
}

export const GET: APIRoute<{ body: CourseLessonsFile }> = ({ props }) =>
  new Response(JSON.stringify(props.body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

/**
 * Writes the party school's service worker into a built site: compiles src/lib/school/school-sw.browser.ts
 * (TypeScript's public transpileModule) and gives it the shell of the files in `outDir` (see
 * src/lib/school/offline.ts). Writes each course's save list, /school/<course>/offline.json, beside it:
 * the course's lessons and what they show, with their size, for the 离线保存本课程 button.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import {
  courseSaveHref,
  courseSaveOf,
  fileUrl,
  pageImages,
  precacheOf,
  SERVICE_WORKER_URL,
  type CourseSave,
  type Precache,
  type SizedFile,
} from '../src/lib/school/offline.ts';
import { readCourseLessons } from '../src/lib/school/school.ts';
import { walkFiles } from './site-files.ts';

const SOURCE = 'src/lib/school/school-sw.browser.ts';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The school's courses in a built site: each lessons.json under /school/, read and checked. */
function courseLessons(outDir: string, files: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of files) {
    const m = /^school\/([^/]+)\/lessons\.json$/.exec(f.replace(/\\/g, '/'));
    if (!m) continue;
    const course = m[1] as string;
    const lessons = readCourseLessons(JSON.parse(readFileSync(path.join(outDir, f), 'utf8')), course);
    if (!lessons) throw new Error(`${f}: not the lessons.json of course ${course}`);
    out.set(
      course,
      lessons.map((l) => l.href),
    );
  }
  return out;
}

/** The shell of the built site in `outDir` and each course's save list. */
export function offlineFilesFor(outDir: string): { precache: Precache; saves: CourseSave[] } {
  const all = walkFiles(outDir).filter((f) => !/\.(?:br|gz)$/.test(f));
  const courses = courseLessons(outDir, all);
  const lessonUrls = new Set([...courses.values()].flat());
  // Sizes of everything a save list may hold: pages and JSON under /school/, and images.
  const sized = new Map<string, SizedFile>();
  for (const f of all) {
    const url = fileUrl(f);
    const school = url.startsWith('/school/');
    if (!school && !/\.(?:avif|webp|png|jpe?g|gif|svg)$/i.test(f)) continue;
    const bytes = statSync(path.join(outDir, f)).size;
    sized.set(url, lessonUrls.has(url) ? { bytes, images: pageImages(readFileSync(path.join(outDir, f), 'utf8')) } : { bytes });
  }
  const saves = [...courses].sort(([a], [b]) => (a < b ? -1 : 1)).map(([course, hrefs]) => courseSaveOf(course, hrefs, sized));
  const onRequest = new Set(saves.flatMap((s) => s.files));
  const hashed = all.map((f) => ({ path: f, hash: sha256(readFileSync(path.join(outDir, f))) }));
  return { precache: precacheOf(hashed, sha256, onRequest), saves };
}

/** The shell of the built site in `outDir`. */
export function precacheFor(outDir: string): Precache {
  return offlineFilesFor(outDir).precache;
}

/** The service worker's JavaScript for a precache. */
export function serviceWorkerScript(precache: Precache): string {
  const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false },
    fileName: SOURCE,
  });
  // A classic worker script: no module syntax (the type-only import leaves `export {}`).
  const body = outputText.replace(/^export \{\};?\s*$/m, '');
  const slot = /= __PRECACHE__;/;
  if (!slot.test(body)) throw new Error(`${SOURCE}: the line "const PRECACHE = __PRECACHE__;" is missing`);
  return body.replace(slot, () => `= ${JSON.stringify(precache)};`);
}

/** Writes /school/sw.js and every course's offline.json into `outDir`; returns the shell it holds. */
export function writeServiceWorker(outDir: string): Precache {
  const { precache, saves } = offlineFilesFor(outDir);
  for (const save of saves) writeFileSync(path.join(outDir, courseSaveHref(save.course)), `${JSON.stringify(save)}\n`);
  writeFileSync(path.join(outDir, SERVICE_WORKER_URL), serviceWorkerScript(precache));
  return precache;
}

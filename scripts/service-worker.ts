/**
 * Writes the party school's service worker into a built site: compiles src/lib/school/school-sw.browser.ts
 * (TypeScript's public transpileModule) and gives it the precache of the files in `outDir`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { precacheOf, SERVICE_WORKER_URL, type Precache } from '../src/lib/school/offline.ts';
import { walkFiles } from './site-files.ts';

const SOURCE = 'src/lib/school/school-sw.browser.ts';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The precache of the built site in `outDir`. */
export function precacheFor(outDir: string): Precache {
  const files = walkFiles(outDir)
    .filter((f) => !/\.(?:br|gz)$/.test(f))
    .map((f) => ({ path: f, hash: sha256(readFileSync(path.join(outDir, f))) }));
  return precacheOf(files, sha256);
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

/** Writes /school/sw.js into `outDir`; returns the precache it holds. */
export function writeServiceWorker(outDir: string): Precache {
  const precache = precacheFor(outDir);
  writeFileSync(path.join(outDir, SERVICE_WORKER_URL), serviceWorkerScript(precache));
  return precache;
}

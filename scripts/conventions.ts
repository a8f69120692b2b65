/**
 * `npm run conventions`: checks the written conventions (scripts/lib/conventions.ts) over src/ and
 * scripts/, prints one line per finding and exits 1 when there is any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { checkFile, formatFinding, siteRoots } from './lib/conventions.ts';

const root = new URL('..', import.meta.url);
const files = ['src', 'scripts']
  .flatMap((dir) =>
    readdirSync(new URL(dir, root), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `${e.parentPath}/${e.name}`),
  )
  .map((path) => path.slice(new URL('.', root).pathname.length))
  .filter((path) => /\.(ts|astro|mjs)$/.test(path) && !path.startsWith('scripts/bench/site/') && !path.startsWith('scripts/bench/bare/'))
  .sort();
const roots = siteRoots(readdirSync(new URL('src/pages', root)), readdirSync(new URL('public', root)));
const findings = files.flatMap((file) => checkFile(file, readFileSync(new URL(file, root), 'utf8'), roots));
for (const f of findings) console.error(formatFinding(f));
const counts = Object.entries(Object.groupBy(findings, (f) => f.rule)).map(([rule, list]) => `${rule} ${list?.length ?? 0}`);
console.log(findings.length ? `约定检查：${findings.length} 处不符（${counts.join('，')}）。` : `约定检查通过（${files.length} 个文件）。`);
process.exit(findings.length ? 1 : 0);

/**
 * Publish-to-live: the time from an editor's 发布 to the change being served, through the
 * pipeline's own commands, as production runs them after a merge:
 *   1. `npm run build` as shipped (validation, Astro, search index, precompression, with their caches);
 *   2. `npm run inspect`;
 *   3. `scripts/deploy.sh deploy` into a deploy root that already holds the previous release, until
 *      it says the release is live (what it does after the switch, preparing the next deploy's
 *      starting point, is reported beside).
 * The next publish starts once the deploy command has finished, as an editor's next one would.
 * The first publish is cold (no caches, empty deploy root); then each edit kind is applied to the
 * content copy and published in turn. The disk a release adds is measured with `du` over the
 * whole deploy root before and after (du counts a hard-linked file once).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { timedRun } from './measure.ts';

/** What an editor does, in the order the bench applies them (each after the previous). */
export const EDIT_KINDS = ['one-entry edit', 'new entry', 'deleted entry', 'title change', 'settings change'] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export interface PublishStep {
  build: number;
  inspect: number;
  /** Until the release is live (deploy.sh's "live after" line): what a reader waits for. */
  deploy: number;
  /** The whole deploy command, with what it does after the switch (pruning, preparing releases/.next). */
  deployCommand?: number;
  total: number;
  /** KiB the deploy root grew by with this release. */
  releaseKB: number;
  /** What the build printed about its steps (Astro, Pagefind, precompression), for the log. */
  buildLine: string;
  /** Files Astro copied from the previous build instead of rendering (incremental build), of all it wrote. */
  copiedPages?: number;
  builtPages?: number;
  /** News entries whose own page Astro rendered again (not copied). */
  renderedNews?: number;
}

/**
 * Each file Astro wrote, from its build log, and whether it was copied from the previous build
 * (incremental build) rather than rendered. Colours are taken out first (CI logs have them).
 * Pages render in parallel, so a rendered page's line can be cut by the next one: the log is read
 * as one item per tree mark (├─ or └─), each with its own time stamp.
 */
export function builtFiles(log: string): { file: string; copied: boolean }[] {
  return log
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split(/(?=\d\d:\d\d:\d\d\s+[├└]─)/)
    .flatMap((item) => {
      const file = /^\d\d:\d\d:\d\d\s+[├└]─ (\/\S*?\.(?:html|xml|ics|json|txt|svg|webmanifest))/.exec(item)?.[1];
      return file ? [{ file, copied: /\((?:restored|cached)\)/.test(item) }] : [];
    });
}

/** The files Astro rendered (not copied from the previous build), from its build log. */
export function renderedFiles(log: string): string[] {
  return builtFiles(log)
    .filter((f) => !f.copied)
    .map((f) => f.file);
}

/** Ids of the news entries whose own page is among `files` (news/<date>-<slug>/index.html). */
export function newsEntryPages(files: readonly string[]): string[] {
  return files.flatMap((f) => /^\/news\/(\d{4}-\d{2}-\d{2}-[^/]+)\/index\.html$/.exec(f)?.[1] ?? []);
}

export interface PublishResult {
  cold: PublishStep;
  edits: Partial<Record<EditKind, PublishStep>>;
}

/** The news entry the edits work on: the newest (its shard is the newest dated one). */
function newestNews(contentRoot: string): string {
  const dir = path.join(contentRoot, 'news');
  const newest = readdirSync(dir)
    .filter((f) => f.endsWith('.md') && !f.startsWith('bench-'))
    .sort()
    .at(-1);
  if (!newest) throw new Error(`${dir}: no news entry to edit`);
  return path.join(dir, newest);
}

const NEW_ENTRY = 'bench-new-entry.md';

/** The entry's text with `suffix` added to its title (plain or quoted in the front matter). */
function retitle(text: string, suffix: string): string {
  const changed = text.replace(/^title: (["']?)(.*?)\1$/m, (_m, quote: string, title: string) => `title: ${quote}${title}${suffix}${quote}`);
  if (changed === text) throw new Error('news entry without a title line');
  return changed;
}

/** Applies one edit kind to a content folder (never the checkout's: the bench works on a copy). */
export function applyEdit(contentRoot: string, kind: EditKind): void {
  const file = newestNews(contentRoot);
  const text = readFileSync(file, 'utf8');
  switch (kind) {
    case 'one-entry edit':
      writeFileSync(file, `${text.trimEnd()}\n\n本条内容已更新：补充了活动报名方式。\n`);
      return;
    case 'new entry':
      // Same front matter, a title of its own: a second copy of the newest news item.
      writeFileSync(path.join(contentRoot, 'news', NEW_ENTRY), retitle(text, '（续）'));
      return;
    case 'deleted entry':
      unlinkSync(path.join(contentRoot, 'news', NEW_ENTRY));
      return;
    case 'title change':
      writeFileSync(file, retitle(text, '（更正）'));
      return;
    case 'settings change': {
      const settings = path.join(contentRoot, 'settings', 'site.yaml');
      const yaml = readFileSync(settings, 'utf8');
      const changed = yaml.replace(/^(\s+phone: .*?)(\d)$/m, (_m, head: string, last: string) => `${head}${(Number(last) + 1) % 10}`);
      if (changed === yaml) throw new Error(`${settings}: no contact phone to change`);
      writeFileSync(settings, changed);
      return;
    }
  }
}

/** KiB used under `dir`, hard links counted once. */
function duKB(dir: string): number {
  if (!existsSync(dir)) return 0;
  const r = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
  return Number(r.stdout.split('\t')[0]) || 0;
}

export interface PublishSetup {
  contentRoot: string;
  /** Work folder of this size: dist, caches and the deploy root go in it. */
  work: string;
  /** The clock of every build (BUILD_NOW), so edits are compared on the same content. */
  buildNow: string;
  quiet?: boolean;
  log?: (line: string) => void;
}

/** Runs the three commands once, timed. */
async function publishOnce(setup: PublishSetup): Promise<PublishStep> {
  const dist = path.join(setup.work, 'publish-dist');
  const deployRoot = path.join(setup.work, 'publish-root');
  const env = {
    CONTENT_ROOT: setup.contentRoot,
    BUILD_OUT_DIR: dist,
    BUILD_NOW: setup.buildNow,
    SEARCH_INDEX_CACHE: path.join(setup.work, 'publish-search-cache'),
    PRECOMPRESS_CACHE: path.join(setup.work, 'publish-precompress-cache'),
    DEPLOY_ROOT: deployRoot,
    // Every release stays, so each one's disk is measured against all the earlier ones.
    DEPLOY_KEEP: '1000',
  };
  const logFile = path.join(setup.work, 'publish-build.log');
  const build = await timedRun('sh', ['-c', `npm run build > ${JSON.stringify(logFile)} 2>&1`], env, setup.quiet);
  const buildLog = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  if (build.code !== 0) throw new Error(`npm run build of ${setup.contentRoot} failed (exit ${build.code}):\n${buildLog.slice(-2000)}`);
  const buildLine = buildLog.split('\n').find((l) => l.startsWith('构建完成')) ?? '';
  const files = builtFiles(buildLog);
  const copiedPages = files.filter((f) => f.copied).length;
  const builtPages = files.length;
  const renderedNews = newsEntryPages(renderedFiles(buildLog)).length;
  // inspect exits 1 when a 单项否决 item fails (generated content has stale columns): it still ran.
  const inspect = await timedRun('npm', ['run', 'inspect', '--', '--dist', dist, '--content', setup.contentRoot], env, true);
  if (inspect.code !== 0 && inspect.code !== 1) throw new Error(`npm run inspect failed (exit ${inspect.code})`);
  const before = duKB(deployRoot);
  const deployLog = path.join(setup.work, 'publish-deploy.log');
  const deploy = await timedRun('sh', ['-c', `scripts/deploy.sh deploy ${JSON.stringify(dist)} > ${JSON.stringify(deployLog)} 2>&1`], env, true);
  const deployText = existsSync(deployLog) ? readFileSync(deployLog, 'utf8') : '';
  if (deploy.code !== 0) throw new Error(`scripts/deploy.sh deploy failed (exit ${deploy.code}):\n${deployText.slice(-2000)}`);
  const liveAfter = Number(/^deploy: live after ([\d.]+) s$/m.exec(deployText)?.[1]);
  if (!Number.isFinite(liveAfter)) throw new Error(`scripts/deploy.sh deploy did not say when the release went live:\n${deployText.slice(-2000)}`);
  const releaseKB = duKB(deployRoot) - before;
  return {
    build: build.seconds,
    inspect: inspect.seconds,
    deploy: liveAfter,
    deployCommand: deploy.seconds,
    total: build.seconds + inspect.seconds + liveAfter,
    releaseKB,
    buildLine,
    copiedPages,
    builtPages,
    renderedNews,
  };
}

/** The cold publish, then every edit kind published in turn on top of it. */
export async function measurePublish(setup: PublishSetup, kinds: readonly EditKind[] = EDIT_KINDS): Promise<PublishResult> {
  const log = setup.log ?? (() => {});
  mkdirSync(setup.work, { recursive: true });
  // Astro's content cache of this content root (astro.config.mjs names it by the root's path): cold.
  const astroCache = path.join('.tmp', 'astro-cache', createHash('sha256').update(path.resolve(setup.contentRoot)).digest('hex').slice(0, 16));
  rmSync(astroCache, { recursive: true, force: true });
  for (const name of ['publish-dist', 'publish-root', 'publish-search-cache', 'publish-precompress-cache'])
    rmSync(path.join(setup.work, name), { recursive: true, force: true });
  const show = (label: string, s: PublishStep) =>
    log(
      `  ${label}: build ${s.build.toFixed(1)} s, inspect ${s.inspect.toFixed(1)} s, deploy ${s.deploy.toFixed(1)} s to live (${(s.deployCommand ?? s.deploy).toFixed(1)} s in all), total ${s.total.toFixed(1)} s, release +${(s.releaseKB / 1024).toFixed(1)} MB, ${s.copiedPages ?? 0} of ${s.builtPages ?? 0} pages copied, ${s.renderedNews ?? 0} news entry pages rendered (${s.buildLine})`,
    );
  const cold = await publishOnce(setup);
  show('cold', cold);
  const edits: PublishResult['edits'] = {};
  for (const kind of kinds) {
    applyEdit(setup.contentRoot, kind);
    edits[kind] = await publishOnce(setup);
    show(kind, edits[kind]);
  }
  rmSync(astroCache, { recursive: true, force: true });
  return { cold, edits };
}

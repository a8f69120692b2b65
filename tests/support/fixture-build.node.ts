/**
 * The one way tests build a fixture site (as Starlight's testFactory): each named fixture is built
 * once per test run into .tmp/fixtures/<run>/<name>/ and shared by every spec and worker that
 * asks for it. A lock folder (mkdir is atomic) holding the builder's pid makes the others wait;
 * a `.done` file marks a finished build; a lock left by a builder that died is taken over.
 *
 * The run is TEST_RUN_ID, which the Playwright global setup sets (tests/e2e/global-setup.ts: it
 * also starts the fixture builds in the background, so they overlap the other specs instead of
 * holding up the worker that first needs them). Without it, a process builds once for itself.
 *
 * Sites are served by the project's one static server (scripts/site-files.ts), as production
 * would answer.
 *
 * `node tests/support/fixture-build.node.ts <name>…` builds the named fixtures (the global setup
 * runs it).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { astroBuildEnv } from '../../scripts/astro-env.ts';
import { hostileRoot } from './hostile-content.node.ts';

/** How a fixture site is built: its content root (written into `dir`), its environment, its steps. */
interface Fixture {
  /** Writes the content root into `dir` (inside the project: the loaders resolve CONTENT_ROOT relative to it); returns it and facts for the specs. */
  content(dir: string): { root: string; facts?: unknown };
  env?: Record<string, string>;
  /**
   * `astro`: Astro alone (the content validator bypassed). `build`: the site's own `npm run build`
   * (validate → Astro → service worker → Pagefind), without precompression.
   */
  pipeline: 'astro' | 'build';
}

/** The scheduled entry of the schedule fixtures (tests/e2e/schedule.spec.ts). */
export const SCHEDULED = {
  id: '2026-12-01-dingshi-tongzhi',
  title: '定时发布的培训通知',
  /** A Latin word Pagefind indexes as a whole, found nowhere else. */
  token: 'Dingshifabu2026',
};

/** tests/fixtures/content-min plus one news entry published at 2026-12-01 10:00. */
function scheduleRoot(dir: string): { root: string } {
  const root = path.join(dir, 'content');
  cpSync('tests/fixtures/content-min', root, { recursive: true });
  writeFileSync(
    path.join(root, 'news', `${SCHEDULED.id}.md`),
    [
      '---',
      `title: ${SCHEDULED.title}`,
      'published: 2026-12-01 10:00',
      'category: 通知公告',
      'summary: 这条通知定时在十点发布。',
      '---',
      `培训安排见附件。${SCHEDULED.token}`,
      '',
    ].join('\n'),
  );
  return { root };
}

export const FIXTURES = {
  /**
   * Hostile content (tests/support/hostile-content.node.ts), built by Astro alone: the content
   * validator is bypassed so the render-time escaping and sanitising are what is tested.
   */
  hostile: {
    content: (dir: string) => {
      const { root, summary } = hostileRoot(dir);
      return { root, facts: summary };
    },
    pipeline: 'astro',
  },
  /** The schedule fixture with the build clock a minute before the entry's time. */
  'schedule-0959': { content: scheduleRoot, env: { BUILD_NOW: '2026-12-01 09:59' }, pipeline: 'build' },
  /**
   * The schedule fixture with the build clock at the entry's time; also the first of the service
   * worker test's two builds (tests/integration/service-worker.test.ts), which `npm test` shares
   * with the browser tests through TEST_RUN_ID.
   */
  'schedule-1000': { content: scheduleRoot, env: { BUILD_NOW: '2026-12-01 10:00' }, pipeline: 'build' },
} satisfies Record<string, Fixture>;

export type FixtureName = keyof typeof FIXTURES;

export interface BuiltFixture {
  /** The built site (relative to the project). */
  out: string;
  /** Its content root (relative to the project). */
  root: string;
  /** What the content function reported (e.g. the hostile summary). */
  facts: unknown;
}

const FIXTURE_ROOT = path.join('.tmp', 'fixtures');

/** The run's folder: shared through TEST_RUN_ID, else this process's own. */
export function runDir(): string {
  return path.join(FIXTURE_ROOT, process.env.TEST_RUN_ID ?? `pid-${process.pid}`);
}

/** Deletes this process's fixture sites when it has no shared run (whoever set TEST_RUN_ID deletes those). */
export function removeOwnFixtures(): void {
  if (!process.env.TEST_RUN_ID) rmSync(runDir(), { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Builds one fixture into `dir` (no locking); throws with the build's output when a step fails. */
function build(name: FixtureName, dir: string): BuiltFixture {
  const fixture: Fixture = FIXTURES[name];
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { root, facts } = fixture.content(dir);
  const out = path.join(dir, 'dist');
  if (fixture.pipeline === 'build') projectBuild(root, out, fixture.env);
  else {
    const env = { ...process.env, ...fixture.env, CONTENT_ROOT: root, ASTRO_TELEMETRY_DISABLED: '1', ...astroBuildEnv() };
    const astro = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
      encoding: 'utf8',
      env,
      maxBuffer: 256 * 1024 * 1024,
    });
    if (astro.status !== 0) throw new Error(`fixture ${name}: astro build failed\n${astro.stdout}\n${astro.stderr}`);
  }
  // Astro's content cache for this content root (astro.config.mjs names it by the root's path):
  // the path is new every run, so the cache would only pile up.
  rmSync(path.join('.tmp', 'astro-cache', createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16)), { recursive: true, force: true });
  const built = { out, root, facts: facts ?? null };
  writeFileSync(path.join(dir, '.done'), JSON.stringify(built));
  return built;
}

/**
 * The built fixture `name` of this run: built now, or waited for while another process builds
 * it (up to `waitSeconds`), or read back when already built.
 */
export async function fixtureSite(name: FixtureName, waitSeconds = 900): Promise<BuiltFixture> {
  const dir = path.join(runDir(), name);
  const done = path.join(dir, '.done');
  const lock = `${dir}.lock`;
  const failed = `${dir}.failed`;
  mkdirSync(runDir(), { recursive: true });
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as BuiltFixture;
    // A background build that failed: build again here, so the error lands in this test.
    try {
      mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(existsSync(path.join(lock, 'pid')) ? readFileSync(path.join(lock, 'pid'), 'utf8') : NaN);
      if (Number.isInteger(owner) && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`fixture ${name}: still being built by process ${owner} after ${waitSeconds} s`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    writeFileSync(path.join(lock, 'pid'), String(process.pid));
    try {
      if (existsSync(done)) continue;
      rmSync(failed, { force: true });
      try {
        return build(name, dir);
      } catch (error) {
        writeFileSync(failed, String(error));
        throw error;
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * The site's own `npm run build` (validate → Astro → service worker → Pagefind) of `contentRoot`
 * into `out`, without precompression (nothing here serves .gz/.br); throws with its output when it
 * fails. `cwd` builds another copy of the project (tests/support/project-copy.node.ts). For tests
 * of the build pipeline and of edited content; fixture sites come from `fixtureSite`.
 */
export function projectBuild(contentRoot: string, out: string, env: Record<string, string> = {}, cwd = process.cwd()): void {
  const r = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_ROOT: contentRoot, BUILD_OUT_DIR: out, BUILD_PRECOMPRESS: '0', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`build of ${contentRoot} into ${out} failed:\n${r.stdout}${r.stderr}`);
}

if (import.meta.main) {
  const names = process.argv.slice(2) as FixtureName[];
  for (const name of names) {
    if (!(name in FIXTURES)) throw new Error(`unknown fixture ${name}`);
    const started = performance.now();
    try {
      await fixtureSite(name);
      console.log(`fixture ${name}: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      // The spec that needs it builds it again and reports the error itself.
      console.error(String(error));
    }
  }
}

/**
 * Before the browser tests: one id for this run (TEST_RUN_ID, which the workers inherit), and the
 * fixture sites the selected specs need (tests/support/fixture-build.node.ts) started building in
 * one background process, so that those builds overlap the other specs. A spec that reaches its
 * fixture first waits for it (or builds it itself when the background build failed). The global
 * teardown stops the builder and deletes the run's fixture sites (unless `npm test` owns the run).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { runDir, type FixtureName } from '../support/fixture-build.node.ts';

/** The fixtures each spec uses. */
const NEEDS: Record<string, FixtureName[]> = {
  'hostile.spec.ts': ['hostile'],
  'schedule.spec.ts': ['schedule-0959', 'schedule-1000'],
};

/** Options of `playwright test` that take a value in the next argument. */
const WITH_VALUE = new Set([
  ...['-g', '--grep', '--grep-invert', '--project', '-c', '--config', '--reporter', '-j', '--workers'],
  ...['--shard', '--retries', '--timeout', '--repeat-each', '--max-failures', '--output', '--trace'],
]);

/** The spec files named on the command line (Playwright reads them as patterns); none means all. */
function fileFilters(argv: string[]): RegExp[] {
  const filters: RegExp[] = [];
  const rest = argv.slice(argv.indexOf('test') + 1);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-')) filters.push(new RegExp(arg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }
  return filters;
}

export default function globalSetup(_config: FullConfig): void {
  // `npm test` sets the run (its integration step builds a fixture the browser tests reuse) and
  // deletes it at the end; otherwise this run is Playwright's own, deleted by the global teardown.
  if (!process.env.TEST_RUN_ID) {
    process.env.TEST_RUN_ID = `run-${Date.now()}-${process.pid}`;
    process.env.FIXTURE_RUN_OWNED = '1';
  }
  // Fixture sites of runs that were interrupted (a day old) go.
  const root = path.dirname(runDir());
  mkdirSync(root, { recursive: true });
  for (const entry of readdirSync(root)) {
    const full = path.join(root, entry);
    if (Date.now() - statSync(full).mtimeMs > 24 * 3600_000) rmSync(full, { recursive: true, force: true });
  }
  const filters = fileFilters(process.argv);
  const argv = process.argv;
  const projects = argv.flatMap((a, i) => (a.startsWith('--project=') ? [a.slice(10)] : a === '--project' ? [argv[i + 1] ?? ''] : []));
  const onlyReview = projects.length > 0 && !projects.includes('site');
  const names = onlyReview
    ? []
    : Object.entries(NEEDS)
        .filter(([spec]) => filters.length === 0 || filters.some((f) => f.test(`tests/e2e/${spec}`)))
        .flatMap(([, fixtures]) => fixtures);
  if (names.length === 0) return;
  mkdirSync(runDir(), { recursive: true });
  const log = openSync(path.join(runDir(), 'builder.log'), 'a');
  const builder = spawn(process.execPath, ['tests/support/fixture-build.node.ts', ...names], { stdio: ['ignore', log, log], detached: true, env: process.env });
  builder.unref();
  process.env.FIXTURE_BUILDER_PID = String(builder.pid);
}

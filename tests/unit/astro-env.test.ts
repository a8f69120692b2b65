import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ASTRO_NODE_OPTIONS, astroBuildEnv } from '../../scripts/astro-env.ts';

describe('Node settings of the Astro build', () => {
  it('appends ours to options already given, and gives ours alone otherwise', () => {
    expect(astroBuildEnv({ NODE_OPTIONS: '--no-warnings' }).NODE_OPTIONS).toBe(`--no-warnings ${ASTRO_NODE_OPTIONS}`);
    expect(astroBuildEnv({}).NODE_OPTIONS).toBe(ASTRO_NODE_OPTIONS);
  });
  it('are accepted by this Node in NODE_OPTIONS (a misspelt flag stops node before the build starts)', () => {
    const r = spawnSync(process.execPath, ['-e', 'console.log(process.env.NODE_OPTIONS)'], {
      encoding: 'utf8',
      env: { ...process.env, ...astroBuildEnv({}) },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(ASTRO_NODE_OPTIONS);
  });
  it('a flag node does not know would be refused (the check above can fail)', () => {
    const r = spawnSync(process.execPath, ['-e', '0'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--max-semi-space-sise=64' } });
    expect(r.status).not.toBe(0);
  });
});

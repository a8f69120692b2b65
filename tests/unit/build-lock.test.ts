import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { processIdentity } from '../../scripts/build-lock.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const LOCK_MODULE = path.resolve('scripts/build-lock.ts');
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A process that takes the lock in `dir`, appends "<name> start/end" to a log around `ms` of work. */
function builder(name: string, ms: number, wait = 60): Promise<{ code: number | null; out: string }> {
  const script = `
    import { appendFileSync } from 'node:fs';
    import { acquireBuildLock } from ${JSON.stringify(LOCK_MODULE)};
    await acquireBuildLock('lock', ${wait});
    appendFileSync('log', '${name} start\\n');
    await new Promise((r) => setTimeout(r, ${ms}));
    appendFileSync('log', '${name} end\\n');
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' } as never);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** Resolves once the first builder holds the lock (its "start" line is in the log), however slow the machine. */
async function untilStarted(name: string): Promise<void> {
  const log = path.join(dir, 'log');
  for (let i = 0; i < 600; i++) {
    if (existsSync(log) && readFileSync(log, 'utf8').includes(`${name} start`)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${name} never took the lock`);
}

describe('one build at a time', () => {
  it('a second build waits for the first, says so, and runs after it', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const first = builder('A', 1500);
    await untilStarted('A');
    const second = builder('B', 10);
    const [a, b] = await Promise.all([first, second]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(readFileSync(path.join(dir, 'log'), 'utf8')).toBe('A start\nA end\nB start\nB end\n');
    expect(b.out).toMatch(/另一个构建（进程 \d+）正在进行/);
    expect(existsSync(path.join(dir, 'lock'))).toBe(false);
  });

  it('takes over a lock left by a build that was killed', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    mkdirSync(path.join(dir, 'lock'));
    writeFileSync(path.join(dir, 'lock', 'pid'), '999999999');
    const r = await builder('C', 10, 5);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'log'), 'utf8')).toBe('C start\nC end\n');
  });

  it('refuses clearly when the wait runs out, leaving the running build alone', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const first = builder('A', 3000);
    await untilStarted('A');
    const late = await builder('B', 10, 1);
    expect(late.code).toBe(1);
    expect(late.out).toMatch(/已等待 1 秒，本次构建放弃；现有的 dist\/ 未被改动/);
    expect((await first).code).toBe(0);
    expect(readFileSync(path.join(dir, 'log'), 'utf8')).toBe('A start\nA end\n');
  });
});

describe('a stale lock naming a live process', () => {
  /** A lock folder as another build would leave it: pid, and (optionally) that process's identity. */
  function lockNaming(pid: number, identity?: string): void {
    mkdirSync(path.join(dir, 'lock'));
    writeFileSync(path.join(dir, 'lock', 'pid'), String(pid));
    if (identity !== undefined) writeFileSync(path.join(dir, 'lock', 'identity'), identity);
  }

  it('is taken over when the live pid is another process than the one that locked (pid reused, reboot)', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    // This test runner is alive; the identity recorded is of some earlier process.
    lockNaming(process.pid, 'another-boot:12345');
    const r = await builder('D', 10, 2);
    expect(r.code, r.out).toBe(0);
    expect(readFileSync(path.join(dir, 'log'), 'utf8')).toBe('D start\nD end\n');
  });

  it("is taken over when the pid is the build's own (a previous run had the same pid)", async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const script = `
      import { mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
      import { acquireBuildLock } from ${JSON.stringify(LOCK_MODULE)};
      mkdirSync('lock');
      writeFileSync('lock/pid', String(process.pid));
      await acquireBuildLock('lock', 2);
      appendFileSync('log', 'own\\n');
    `;
    const code = await new Promise<number | null>((resolve) =>
      spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, stdio: 'ignore' }).on('exit', resolve),
    );
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, 'log'), 'utf8')).toBe('own\n');
  });

  it('is taken over in the old format (pid only) when that process started after the lock was made', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 1500));
      lockNaming(sleeper.pid!);
      // Backdate the lock to before the sleeper started.
      const past = new Date(Date.now() - 60_000);
      utimesSync(path.join(dir, 'lock'), past, past);
      const r = await builder('E', 10, 2);
      expect(r.code, r.out).toBe(0);
    } finally {
      sleeper.kill();
    }
  });

  it('is respected while the process that locked it still runs', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 300));
      lockNaming(sleeper.pid!, processIdentity(sleeper.pid!));
      const r = await builder('F', 10, 1);
      expect(r.code).toBe(1);
    } finally {
      sleeper.kill();
    }
  });
});

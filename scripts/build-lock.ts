/**
 * One build at a time per checkout. Two merges in quick succession start two builds; both write
 * public/admin/, Astro's cache and dist/, and the second used to end in a stack trace. The lock
 * is a folder (mkdir is atomic) holding the owner's pid and the identity of that process (the
 * boot and the process's start time, from /proc); a later build waits for it, then runs, so the
 * newest build is the one that finishes last. BUILD_LOCK_WAIT (seconds, default 1800) bounds the
 * wait.
 *
 * A lock is stale, and taken over, when its owner is gone: the pid is not running; or it runs
 * but is another process (after a reboot, or in a container where pids repeat: its start time
 * differs from the one recorded, or it started after the lock was made); or it names this very
 * process (which does not hold it yet); or the lock has no pid a minute after it was made.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const LOCK_DIR = path.join('.tmp', 'build.lock');

/** Seconds after which a lock folder without a pid is a leftover, not an owner between two writes. */
const NO_PID_GRACE_MS = 60_000;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Start time of `pid` in clock ticks since boot (/proc), or undefined where there is no /proc. */
function startTicks(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // Field 22; fields after the command name (which may hold spaces) start after its ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

/** Which process this is, across reboots and pid reuse: boot id and start time; undefined without /proc. */
export function processIdentity(pid: number): string | undefined {
  const ticks = startTicks(pid);
  const boot = read('/proc/sys/kernel/random/boot_id');
  return ticks === undefined || !boot ? undefined : `${boot}:${ticks}`;
}

/** When `pid` started (ms since the epoch), or undefined without /proc. */
function startedAt(pid: number): number | undefined {
  const ticks = startTicks(pid);
  const btime = /^btime (\d+)$/m.exec(read('/proc/stat') ?? '')?.[1];
  return ticks === undefined || btime === undefined ? undefined : Number(btime) * 1000 + (ticks / TICKS_PER_SECOND) * 1000;
}

function ownerOf(dir: string): number | undefined {
  const pid = Number(read(path.join(dir, 'pid')));
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Why the lock in `dir` is stale, or undefined when a live build holds it (or is writing it). */
export function staleReason(dir: string): string | undefined {
  const owner = ownerOf(dir);
  let made: number;
  try {
    made = statSync(dir).mtimeMs;
  } catch {
    return undefined; // Gone already: the next mkdir decides.
  }
  if (owner === undefined) return Date.now() - made > NO_PID_GRACE_MS ? '锁没有记录进程号' : undefined;
  if (owner === process.pid) return '锁记录的是本进程的进程号（上次运行留下的）';
  if (!alive(owner)) return `进程 ${owner} 已结束`;
  const recorded = read(path.join(dir, 'identity'));
  const actual = processIdentity(owner);
  if (recorded && actual && recorded !== actual) return `进程 ${owner} 已不是当初加锁的构建（进程号被重用）`;
  const started = startedAt(owner);
  // One second of slack: /proc's start time is rounded to clock ticks, the folder's time is not.
  if (!recorded && started !== undefined && started > made + 1000) return `进程 ${owner} 在加锁之后才启动，不是加锁的构建`;
  return undefined;
}

function tryLock(dir: string): boolean {
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
  const identity = processIdentity(process.pid);
  if (identity) writeFileSync(path.join(dir, 'identity'), identity);
  writeFileSync(path.join(dir, 'pid'), String(process.pid));
  return true;
}

/** Releases the lock in `dir` if this process holds it. */
export function releaseBuildLock(dir = LOCK_DIR): void {
  if (ownerOf(dir) === process.pid) rmSync(dir, { recursive: true, force: true });
}

/**
 * Takes the build lock of the current folder, waiting while another live build holds it, and
 * releases it when this process exits (process.exit included). Exits with a clear message when
 * the wait runs out.
 */
export async function acquireBuildLock(dir = LOCK_DIR, waitSeconds = Number(process.env.BUILD_LOCK_WAIT ?? 1800)): Promise<void> {
  mkdirSync(path.dirname(dir), { recursive: true });
  const deadline = Date.now() + waitSeconds * 1000;
  let told = false;
  while (!tryLock(dir)) {
    const stale = staleReason(dir);
    if (stale) {
      console.log(`发现上次构建留下的锁（${stale}），已清除。`);
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    const owner = ownerOf(dir);
    if (Date.now() > deadline) {
      console.error(`另一个构建（进程 ${owner ?? '?'}）仍在进行，已等待 ${waitSeconds} 秒，本次构建放弃；现有的 dist/ 未被改动。`);
      process.exit(1);
    }
    if (!told) {
      console.log(`另一个构建（进程 ${owner ?? '?'}）正在进行，等它完成后再开始构建……`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  process.on('exit', () => releaseBuildLock(dir));
}

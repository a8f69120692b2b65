/**
 * One build at a time per checkout. Two merges in quick succession start two builds; both write
 * public/admin/, Astro's cache and dist/, and the second used to end in a stack trace. The lock
 * is a folder (mkdir is atomic) holding the owner's pid; a later build waits for it, then runs,
 * so the newest build is the one that finishes last. A lock left by a build that died (its pid
 * is gone) is taken over. BUILD_LOCK_WAIT (seconds, default 1800) bounds the wait.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const LOCK_DIR = path.join('.tmp', 'build.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(dir, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function tryLock(dir: string): boolean {
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
  writeFileSync(path.join(dir, 'pid'), String(process.pid));
  return true;
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
    const owner = ownerOf(dir);
    // No pid yet: the owner is between mkdir and writing it. A dead pid: a build that was killed.
    if (owner !== undefined && !alive(owner)) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
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
  process.on('exit', () => {
    if (ownerOf(dir) === process.pid) rmSync(dir, { recursive: true, force: true });
  });
}

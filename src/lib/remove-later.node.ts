/**
 * Deleting folders without waiting for it: a detached `rm -rf` that outlives this process. At
 * 60,000 entries a build's output or search index holds tens of thousands of files, and deleting
 * them (on a disk mounted with `discard`, many seconds) is no step's business. Give only folders
 * that nothing will read again, outside any folder that is about to be published.
 */
import { spawn } from 'node:child_process';

export function removeLater(dirs: readonly string[]): void {
  if (dirs.length === 0) return;
  spawn('rm', ['-rf', '--', ...dirs], { detached: true, stdio: 'ignore' }).unref();
}

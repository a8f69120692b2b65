/**
 * Writing a file of a built site by replacing it: the new bytes go to a file beside it, which is
 * then renamed over it. A built page may be a hard link to the Astro cache's copy of it (and to
 * an earlier build's page, see patches/astro+*.patch); writing in place would change those too.
 */
import { renameSync, writeFileSync } from 'node:fs';

export function replaceFile(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

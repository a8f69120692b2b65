/**
 * What a later step may remember about a built file without reading it again: its stamp, made
 * of device, inode, size and modification time (nanoseconds). A page the incremental build took
 * from its cache is a hard link to the cached file (patches/astro+*.patch), and a precompressed
 * or indexed file a link into its cache, so their stamps stay the same from build to build; a
 * file written again gets a new inode and time. Nothing on this site rewrites a built file in
 * place (see replace-file.node.ts).
 *
 * A file's time has the kernel clock's coarse resolution (a few milliseconds): a file read in the
 * same instant it was written could be replaced, reusing its inode with the same size, and keep
 * the stamp. As Git does with its index ("racy" entries), a file changed less than RACY_MS before
 * it was read has no stamp, and is read again next time.
 */
import { statSync, type BigIntStats } from 'node:fs';

export const RACY_MS = 2000;

/** The stamp of a file's status, or undefined when it changed too recently to be trusted later. */
export function stampOf(st: BigIntStats, now = Date.now()): string | undefined {
  if (now - Number(st.mtimeMs) < RACY_MS) return undefined;
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
}

/** The file's stamp (see stampOf). */
export const fileStamp = (file: string): string | undefined => stampOf(statSync(file, { bigint: true }));

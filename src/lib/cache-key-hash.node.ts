/** The hash every incremental-build cache key is made with (see cache-keys.content.ts). */
import { createHash } from 'node:crypto';

/** SHA-256 of the parts, each ended by a NUL, so ["ab", "c"] and ["a", "bc"] differ. */
export function hashParts(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

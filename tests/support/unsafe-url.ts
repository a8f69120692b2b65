/** Test support: whether a URL in built HTML could run script, read as a browser reads it. */
import { urlScheme } from '../../src/lib/hostile-html.ts';
import { SAFE_SCHEMES } from '../../src/lib/sanitize-schema.ts';

/** True when a URL would run script or smuggle a document: any scheme but http(s), mailto, tel. */
export function isUnsafeUrl(raw: string): boolean {
  const scheme = urlScheme(raw);
  return scheme !== undefined && !(SAFE_SCHEMES as readonly string[]).includes(scheme);
}

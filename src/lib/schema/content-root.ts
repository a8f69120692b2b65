/**
 * Where content lives. `content/` by default; the benchmark points CONTENT_ROOT at a generated
 * folder so the real site configuration builds synthetic content.
 */
export const CONTENT_ROOT: string = process.env.CONTENT_ROOT ?? 'content';

/**
 * The Content-Security-Policy of public pages. Astro writes it as a <meta> element with hashes
 * of every script and style it inlines (astro.config.mjs); deploy/nginx.conf sends the parts a
 * meta element cannot carry. /admin/ is Decap CMS, which needs eval: it gets its own policy.
 */

/** Directives added to Astro's generated script-src and style-src on every public page. */
export const PUBLIC_CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

const META_RE = /<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/gi;

/**
 * Removes the public policy Astro injects into every page (recognised by its directives), and
 * leaves any other CSP meta element in place: /admin/ declares its own.
 */
export function withoutPublicCsp(html: string): string {
  const prefix = PUBLIC_CSP_DIRECTIVES.join(';');
  return html.replace(META_RE, (meta, content: string) => (content.startsWith(prefix) ? '' : meta));
}

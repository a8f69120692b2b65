/**
 * What raw HTML may survive in a Markdown body. Rendering runs hast-util-sanitize with this schema
 * (see src/lib/markdown.ts), and the content validator refuses bodies whose HTML falls outside it,
 * so the editor hears about it before the page silently loses a part.
 *
 * It is GitHub's schema (no scripts, no event handlers, no styles, only http/https/mailto/tel
 * links), minus form controls, with the contents of dangerous elements dropped rather than shown.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** Elements removed together with their contents (their text is code, not prose). */
const STRIP = ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'textarea', 'title', 'xmp', 'noembed', 'noframes'];

/** URL schemes a link or image may use; relative addresses are always allowed. */
export const SAFE_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'input'),
  strip: [...new Set([...(defaultSchema.strip ?? []), ...STRIP])],
  protocols: {
    ...defaultSchema.protocols,
    href: [...SAFE_SCHEMES],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
    src: ['http', 'https'],
  },
};

/** Lower-case names of the elements the schema keeps. */
export const ALLOWED_TAGS: ReadonlySet<string> = new Set((SANITIZE_SCHEMA.tagNames ?? []).map((tag) => tag.toLowerCase()));

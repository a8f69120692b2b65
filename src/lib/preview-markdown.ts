/**
 * Markdown bodies for the CMS preview, cleaned by the site's own sanitiser schema. The preview
 * runs inside /admin, whose origin holds the editor's CMS token, so a body must not run script
 * there either: Decap's own Markdown preview does not sanitise. The site renders with Sätteri (a
 * native module); in the browser the body is parsed with micromark's CommonMark + GFM parser,
 * which yields the same structure, and then goes through hast-util-sanitize with SANITIZE_SCHEMA
 * and the same heading-id prefixing and fragment relinking as the site.
 *
 * Raw HTML in a body is left out of the preview (the site keeps its safe part): turning it into
 * elements would need an HTML parser in the bundle, and the preview is for prose.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { sanitize } from 'hast-util-sanitize';
import type { ElementContent, Root, RootContent } from 'hast';
import { SANITIZE_SCHEMA } from './sanitize-schema.ts';
import { prefixHeadingIds, relinkPrefixedIds } from './heading-ids.ts';

/** The sanitised tree of a Markdown body. */
export function previewTree(markdown: string): Root {
  const mdast = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const hast = toHast(mdast) as Root;
  return relinkPrefixedIds(prefixHeadingIds(sanitize(hast, SANITIZE_SCHEMA) as Root));
}

/** A hast property name as React wants it: aria-* and data-* hyphenated, the rest as is. */
function reactProp(name: string): string {
  return /^(aria|data)[A-Z]/.test(name) ? name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) : name;
}

/** Turns a tree into calls of `h` (Decap's React createElement); no HTML string is ever parsed. */
export function hastToH<C>(root: Root, h: (tag: string, props: Record<string, unknown> | null, ...children: C[]) => C): (C | string)[] {
  let key = 0;
  const convert = (node: RootContent | ElementContent): C | string | null => {
    if (node.type === 'text') return node.value;
    if (node.type !== 'element') return null;
    const props: Record<string, unknown> = { key: key++ };
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      if (value === undefined || value === null || value === false) continue;
      props[reactProp(name)] = Array.isArray(value) ? value.join(' ') : value;
    }
    const children = node.children.map(convert).filter((c): c is C | string => c !== null) as C[];
    return h(node.tagName, props, ...children);
  };
  return root.children.map(convert).filter((c): c is C | string => c !== null);
}

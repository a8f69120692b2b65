/**
 * Ids that Markdown bodies bring into a page, shared by the site's renderer (src/lib/markdown.ts)
 * and the CMS preview (src/lib/preview-markdown.ts): every heading id carries the sanitiser's
 * prefix, and in-body fragment links follow it. Pure hast, no parser: safe in the browser.
 */
import Slugger from 'github-slugger';
import type { Element, ElementContent, Root } from 'hast';
import { SANITIZE_SCHEMA } from './sanitize-schema.ts';

/** The prefix the sanitiser gives every id from a body ("user-content-"). */
export const ID_PREFIX = SANITIZE_SCHEMA.clobberPrefix ?? '';

export const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/**
 * Heading ids, prefixed like the sanitiser's: `## main` gets id "user-content-main", so a body
 * can neither duplicate the page's own ids (main, search) nor clobber `window.main`. Headings
 * that already carry an id (raw HTML, prefixed by the sanitiser) keep it. Astro's own heading-id
 * step runs later and keeps any id that is set.
 */
export function prefixHeadingIds(root: Root): Root {
  const slugger = new Slugger();
  // Ids already in the body (raw HTML, already prefixed): a heading never repeats one.
  const taken = new Set<string>();
  const collect = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (typeof child.properties.id === 'string') taken.add(child.properties.id);
      collect(child);
    }
  };
  collect(root);
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (HEADINGS.includes(child.tagName) && typeof child.properties.id !== 'string') {
        const text = textOf(child);
        let id = ID_PREFIX + slugger.slug(text);
        while (taken.has(id)) id = ID_PREFIX + slugger.slug(text);
        taken.add(id);
        child.properties.id = id;
      }
      walk(child);
    }
  };
  walk(root);
  return root;
}

/**
 * The sanitiser prefixes every id ("user-content-…") so that a body cannot clobber the page's
 * own names, but leaves the links to them alone: footnote references and any in-body anchor
 * link would point nowhere. Links to an id of the body are given the same prefix.
 */
export function relinkPrefixedIds(root: Root): Root {
  const prefix = ID_PREFIX;
  if (!prefix) return root;
  const ids = new Set<string>();
  const links: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const { id, href } = child.properties;
      if (typeof id === 'string') ids.add(id);
      if (child.tagName === 'a' && typeof href === 'string' && href.startsWith('#')) links.push(child);
      walk(child);
    }
  };
  walk(root);
  for (const link of links) {
    // A browser matches the fragment as written, then percent-decoded; so does this.
    const fragment = String(link.properties.href).slice(1);
    let decoded = fragment;
    try {
      decoded = decodeURIComponent(fragment);
    } catch {
      // A malformed escape only matches as written.
    }
    if (ids.has(fragment) || ids.has(decoded)) continue;
    if (ids.has(prefix + fragment) || ids.has(prefix + decoded)) link.properties.href = `#${prefix}${fragment}`;
  }
  return root;
}

/**
 * How Markdown bodies become HTML: Astro's default Sätteri processor, with raw HTML parsed into
 * elements and every body that could carry markup run through hast-util-sanitize (the library
 * behind rehype-sanitize) with the site's schema. Defence in depth: the content validator
 * already refuses unsafe HTML with a clear line for the editor; this guarantees that nothing
 * unsafe reaches a page even if validation is bypassed.
 *
 * Sätteri replaced the unified (remark/rehype) pipeline for speed: on 10,000 generated bodies it
 * renders in a tenth of the time, which was the largest part of the content-sync step.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { sanitize } from 'hast-util-sanitize';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import type { Element, Root } from 'hast';
import { SANITIZE_SCHEMA } from './sanitize-schema.ts';
import { t } from '../i18n/t.ts';

/**
 * Whether a Markdown source can produce anything the sanitiser would change: raw HTML or an
 * autolink (`<`), a character reference (`&`), or a link or image with an address written by the
 * editor (`](` inline, `]:` in a definition). Without any of these, Markdown yields only plain
 * structure (paragraphs, headings, lists, tables, emphasis, code) and http/https/mailto links
 * found in the text, so the body is left as the parser wrote it.
 */
export function mayNeedSanitizing(source: string): boolean {
  return /[<&]|\]\(|\]:/.test(source);
}

/** The hast plugin: the whole tree is replaced by its sanitised copy. */
export const sanitizePlugin = defineHastPlugin({
  name: 'louyu-sanitize',
  after(root, ctx) {
    ctx.replaceNode(root, relinkPrefixedIds(sanitize(root as Root, SANITIZE_SCHEMA) as Root));
  },
});

/**
 * The sanitiser prefixes every id ("user-content-…") so that a body cannot clobber the page's
 * own names, but leaves the links to them alone: footnote references and any in-body anchor
 * link would point nowhere. Links to an id of the body are given the same prefix.
 */
export function relinkPrefixedIds(root: Root): Root {
  const prefix = SANITIZE_SCHEMA.clobberPrefix ?? '';
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

/** Only documents that may need it pay for sanitising (most bodies are plain prose). */
export const sanitizeEntry: HastPluginEntry = (ctx) => (mayNeedSanitizing(ctx.source) ? sanitizePlugin : null);

/** Parser features of every body. */
export const MARKDOWN_FEATURES = {
  // Raw HTML becomes elements, so the sanitiser sees (and keeps) safe markup.
  rawHtml: true,
  // Editors type Chinese punctuation themselves; English quote rules would only get in the way.
  smartPunctuation: false,
  gfm: { footnotes: { label: t('markdown.footnotes'), backLabel: (n: number) => t('markdown.footnoteBack', { n }) } },
};

/** The `markdown.processor` of astro.config.mjs. */
export function markdownProcessor() {
  return satteri({ hastPlugins: [sanitizeEntry], features: MARKDOWN_FEATURES });
}

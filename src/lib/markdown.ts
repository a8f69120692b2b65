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
import Slugger from 'github-slugger';
import type { Root } from 'hast';
import { HEADINGS, ID_PREFIX, prefixHeadingIds, relinkPrefixedIds } from './heading-ids.ts';
import { SANITIZE_SCHEMA } from './sanitize-schema.ts';
import { t } from '../i18n/t.ts';
import { hasFormatChars, stripFormatChars } from './format-chars.ts';

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

/** The hast plugin: the whole tree is replaced by its sanitised copy, headings given ids. */
export const sanitizePlugin = defineHastPlugin({
  name: 'louyu-sanitize',
  after(root, ctx) {
    ctx.replaceNode(root, relinkPrefixedIds(prefixHeadingIds(sanitize(root as Root, SANITIZE_SCHEMA) as Root)));
  },
});

/**
 * For bodies that skip sanitising: only the heading ids, visited in place (cheap: the tree is
 * not copied). Such a body holds no links of its own, so no fragment needs relinking.
 */
export function headingIdsPlugin() {
  const slugger = new Slugger();
  return defineHastPlugin({
    name: 'louyu-heading-ids',
    element: {
      filter: HEADINGS,
      visit(node, ctx) {
        if (typeof node.properties?.id !== 'string') ctx.setProperty(node, 'id', ID_PREFIX + slugger.slug(ctx.textContent(node)));
      },
    },
  });
}

/** Removes invisible format characters (format-chars.ts) from text; the validator warns of them with file and line. */
export const stripFormatCharsPlugin = defineHastPlugin({
  name: 'louyu-format-chars',
  text: (node) => (hasFormatChars(node.value) ? { ...node, value: stripFormatChars(node.value) } : undefined),
});

/** Only documents that may need it pay for sanitising (most bodies are plain prose); all get prefixed heading ids. */
export const sanitizeEntry: HastPluginEntry = (ctx) => [
  mayNeedSanitizing(ctx.source) ? sanitizePlugin : headingIdsPlugin(),
  hasFormatChars(ctx.source) ? stripFormatCharsPlugin : null,
];

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

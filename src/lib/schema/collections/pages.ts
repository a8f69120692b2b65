import { z } from 'astro/zod';
import { label, MAX_LENGTH, text } from '../fields.ts';

/** The pages collection's schema. */
export function pagesSchema() {
  return z.strictObject({
    // Page title.
    title: label(text(), '标题', '页面标题'),
    // One sentence for search engines.
    description: label(text(MAX_LENGTH.sentence), '简介', '一句话介绍本页'),
    // Position in the footer, small first.
    order: label(z.number().int().default(0), '排序', '页脚链接中的顺序'),
  });

  /** One hand-picked entry of a topic: which section, and which entry of it. */
}

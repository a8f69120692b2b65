import { z } from 'astro/zod';
import { label, text, optionalText, instant, PUBLISH_HINT, tags, summary, type SchemaHelpers } from '../fields.ts';

/** The theory collection's schema. */
export function theorySchema<R extends z.ZodType, I extends z.ZodType>({ ref }: SchemaHelpers<R, I>) {
  return z.strictObject({
    // Article title.
    title: label(text(), '标题', '文章标题'),
    // The column it belongs to.
    column: label(ref('columns'), '专栏', '所属理论专栏'),
    // Writer.
    author: label(optionalText(), '作者', '可不填'),
    // Source, where reprinted.
    source: label(optionalText(), '来源', '转载时填写来源'),
    // Publish time, Beijing time.
    published: label(instant(), '发布时间', PUBLISH_HINT),
    // Short summary.
    summary: summary(),
    // Keywords.
    tags: tags(),
    // A draft is never published.
    draft: label(z.boolean().default(false), '草稿', '勾选后不会发布'),
  });
}

import { z } from 'astro/zod';
import { EXCHANGE_TOPICS } from '../enums.ts';
import { label, text, instant, PUBLISH_HINT, tags, summary, type SchemaHelpers } from '../fields.ts';

/** The exchange collection's schema. */
export function exchangeSchema<R extends z.ZodType, I extends z.ZodType>({ ref }: SchemaHelpers<R, I>) {
  return z.strictObject({
    // Post title.
    title: label(text(), '标题', '经验交流标题'),
    // The station that shares it.
    station: label(ref('stations'), '工作站', '发帖的工作站'),
    // Topic of the board.
    topic: label(z.enum(EXCHANGE_TOPICS), '话题', '交流话题'),
    // Publish time, Beijing time.
    published: label(instant(), '发布时间', PUBLISH_HINT),
    // Short summary.
    summary: summary(),
    // Keywords.
    tags: tags(),
    // The post this one answers, if any.
    replyTo: label(ref('exchange').optional(), '回复', '回复哪一篇交流，可不填'),
    // A draft is never published.
    draft: label(z.boolean().default(false), '草稿', '勾选后不会发布'),
  });
}

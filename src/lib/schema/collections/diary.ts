import { z } from 'astro/zod';
import { label, text, instant, tags, type SchemaHelpers } from '../fields.ts';

/** The diary collection's schema. */
export function diarySchema<R extends z.ZodType, I extends z.ZodType>({ ref }: SchemaHelpers<R, I>) {
  return z.strictObject({
    // Entry title.
    title: label(text(), '标题', '日记标题'),
    // The station that keeps the diary.
    station: label(ref('stations'), '工作站', '记日记的工作站'),
    // Day of the entry.
    date: label(instant(), '日期', '如 2026-11-20；填将来的日期即为定时发布，当天零点后的下一次构建上线'),
    // Keywords.
    tags: tags(),
    // A draft is never published.
    draft: label(z.boolean().default(false), '草稿', '勾选后不会发布'),
  });
}

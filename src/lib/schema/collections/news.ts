import { z } from 'astro/zod';
import { NEWS_CATEGORIES } from '../enums.ts';
import { label, MAX_LENGTH, text, optionalText, instant, PUBLISH_HINT, requireCoverAlt, tags, summary, type SchemaHelpers } from '../fields.ts';

/** The news collection's schema. */
export function newsSchema<R extends z.ZodType, I extends z.ZodType>({ ref, image }: SchemaHelpers<R, I>) {
  return z
    .strictObject({
      // Headline.
      title: label(text(), '标题', '新闻标题'),
      // Publish time, Beijing time.
      published: label(instant(), '发布时间', PUBLISH_HINT),
      // The station it concerns; district-wide news has none.
      station: label(ref('stations').optional(), '工作站', '相关工作站；全区新闻留空'),
      // 党建动态, 工作站动态 or 通知公告.
      category: label(z.enum(NEWS_CATEGORIES), '栏目', '党建动态、工作站动态或通知公告'),
      // Keywords.
      tags: tags(),
      // Short summary for lists and search results.
      summary: summary(),
      // Optional cover picture.
      cover: label(image().optional(), '封面图', '可选；上传横向图片'),
      // Text alternative of the cover for screen readers.
      coverAlt: label(optionalText(MAX_LENGTH.sentence), '封面图说明', '用一句话描述图片内容，供读屏软件朗读'),
      // Writer, where given.
      author: label(optionalText(), '作者', '可不填'),
      // Original source, where the item is reprinted.
      source: label(optionalText(), '来源', '转载时填写来源'),
      // A draft is never published.
      draft: label(z.boolean().default(false), '草稿', '勾选后不会发布'),
    })
    .superRefine(requireCoverAlt);
}

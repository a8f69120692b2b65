import { z } from 'astro/zod';
import type { TopicSection } from '../enums.ts';
import { label, text, day, refineTopic, topicSectionLabel, summary, type SchemaHelpers } from '../fields.ts';

/** The topics collection's schema. */
export function topicsSchema<R extends z.ZodType, I extends z.ZodType>({ ref, image }: SchemaHelpers<R, I>) {
  const pick = <S extends TopicSection>(section: S) =>
    z
      .strictObject({
        // The section; Decap writes it as the list item's type.
        type: z.literal(section),
        // The entry of that section.
        entry: label(ref(section), '条目', `选择一条${topicSectionLabel(section)}`),
      })
      .meta({ title: topicSectionLabel(section), description: `从${topicSectionLabel(section)}中挑选` });
  // One element per section of TOPIC_SECTIONS, in its order (the test of the CMS config checks both agree).
  const topicEntry = z.discriminatedUnion('type', [pick('news'), pick('theory'), pick('lessons'), pick('activities'), pick('exchange'), pick('diary')]);

  return z
    .strictObject({
      // Name of the campaign or study theme.
      title: label(text(), '专题名称', '例如 “两新”组织党建质量提升年'),
      // Short summary for lists, the home page and search results.
      summary: summary(),
      // Banner picture at the top of the topic page (JPEG, PNG or WebP, not a drawing file).
      banner: label(image(), '题图', '横向图片，JPEG、PNG 或 WebP 格式，显示在专题页顶部'),
      // Text alternative of the banner for screen readers.
      bannerAlt: label(text(), '题图说明', '用一句话描述图片内容，供读屏软件朗读'),
      // First day of the topic, Beijing time.
      start: label(day(), '开始日期', '如 2026-03-01'),
      // Last day of the topic; an open-ended topic has none.
      end: label(day().optional(), '结束日期', '可不填；填写后，过了这一天专题移入往期专题'),
      // Entries carrying any of these tags are gathered automatically.
      tags: label(z.array(text()).default([]), '汇集标签', '带有其中任一标签的动态、理论文章、活动、交流和日记自动归入本专题（专题结束后发布的不再归入）'),
      // Entries picked by hand, from any section; shown first in their section, in this order.
      entries: label(z.array(topicEntry).default([]), '手选条目', '可从任何栏目挑选；在各栏目中按此顺序排在最前'),
      // A draft is never published.
      draft: label(z.boolean().default(false), '草稿', '勾选后不会发布'),
    })
    .superRefine(refineTopic);
}

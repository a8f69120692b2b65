import { z } from 'astro/zod';
import { label, text, summary } from '../fields.ts';

/** The courses collection's schema. */
export function coursesSchema() {
  return z.strictObject({
    // Course title.
    title: label(text(), '课程名称', '课程名称'),
    // What the course covers.
    summary: summary(),
    // Credit hours (学时) earned by completing it.
    hours: label(z.number().positive('应大于 0'), '学时', '完成本课程可获得的学时'),
    // Position in lists, small first.
    order: label(z.number().int().default(0), '排序', '数字小的排在前面'),
  });
}

import { z } from 'astro/zod';
import { label, MAX_LENGTH, text } from '../fields.ts';

/** The columns collection's schema. */
export function columnsSchema() {
  return z.strictObject({
    // Column name.
    title: label(text(), '专栏名称', '理论专栏名称'),
    // What the column is about.
    description: label(text(MAX_LENGTH.sentence), '专栏介绍', '一两句话介绍本专栏'),
    // Position in lists, small first.
    order: label(z.number().int().default(0), '排序', '数字小的排在前面'),
  });
}

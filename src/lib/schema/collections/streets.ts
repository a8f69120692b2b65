import { z } from 'astro/zod';
import { STREET_RE } from '../../stations/naming.ts';
import { STREET_KINDS } from '../enums.ts';
import { label, text } from '../fields.ts';

/** The streets collection's schema. */
export function streetsSchema() {
  return z.strictObject({
    // Name of the street office or community.
    name: label(text().regex(STREET_RE, '应以“街道”或“社区”结尾，且不含空格'), '名称', '例如 古城街道、鲁谷社区'),
    // 街道 or 社区.
    kind: label(z.enum(STREET_KINDS), '类型', '街道或社区'),
    // Position in lists, small first.
    order: label(z.number().int().default(0), '排序', '数字小的排在前面'),
  });
}

import { z } from 'astro/zod';
import { ACTIVITY_KINDS } from '../enums.ts';
import { label, text, instant, tags, summary, type SchemaHelpers } from '../fields.ts';

/** The activities collection's schema. */
export function activitiesSchema<R extends z.ZodType, I extends z.ZodType>({ ref }: SchemaHelpers<R, I>) {
  return z
    .strictObject({
      // Name of the activity.
      title: label(text(), '活动名称', '活动标题'),
      // Start, Beijing time.
      start: label(instant(), '开始时间', '北京时间，如 2026-12-05 14:00'),
      // End, Beijing time.
      end: label(instant(), '结束时间', '北京时间，不早于开始时间'),
      // Where it happens.
      place: label(text(), '地点', '活动地点'),
      // Organising station.
      station: label(ref('stations'), '工作站', '组织活动的工作站'),
      // 送关心, 送服务, 送知识, 送政策 or 其他.
      kind: label(z.enum(ACTIVITY_KINDS), '活动类型', '送关心、送服务、送知识、送政策或其他'),
      // Who may come.
      audience: label(text(), '面向对象', '例如 楼内企业员工'),
      // How to sign up.
      signup: label(text(), '报名方式', '例如 拨打工作站电话报名，或无需报名'),
      // A cancelled activity stays listed, marked as cancelled.
      cancelled: label(z.boolean().default(false), '已取消', '活动取消时勾选，页面会显著标明'),
      // Short summary.
      summary: summary(),
      // Keywords.
      tags: tags(),
      // A draft is never published.
      draft: label(z.boolean().default(false), '草稿', '勾选后不会发布'),
    })
    .superRefine((a, ctx) => {
      // zod runs refinements after other issues too: a date that failed to parse is no Date.
      if (!(a.start instanceof Date) || !(a.end instanceof Date)) return;
      if (a.end.getTime() < a.start.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: '结束时间早于开始时间' });
      }
    });
}

/**
 * The building blocks of the content schemas (collections/*.ts): labelled text fields with
 * their length limits, times, media paths, questions, map bounds and the refinements several
 * collections share.
 */
import { z } from 'astro/zod';
import { t } from '../../i18n/t.ts';
import { toInstant } from '../dates.ts';
import { QUESTION_TYPES, type CollectionName, type TopicSection } from './enums.ts';

/** How a schema refers to another collection and to an image; Astro and the validator differ. */
export interface SchemaHelpers<R extends z.ZodType, I extends z.ZodType> {
  ref: (collection: CollectionName) => R;
  image: () => I;
}

/** Attaches the CMS label and hint to a field. */
export function label<T extends z.ZodType>(schema: T, title: string, description: string): T {
  return schema.meta({ title, description });
}

/**
 * Longest value of each kind of text field. Every string in the content model has a maximum,
 * declared here once: the validator enforces it, and `z.toJSONSchema()` carries it to the CMS as
 * `maxLength`. Without one, a 100,000-character title slows the build from seconds to minutes.
 */
export const MAX_LENGTH = {
  /** Ids and references (file names). */
  id: 100,
  /** Keywords, enum-like short values, colours. */
  tag: 30,
  /** Titles, names, places, phone numbers, one-line values. */
  line: 100,
  /** A sentence or two: descriptions, explanations, alternative text. */
  sentence: 300,
  /** Site paths and e-mail addresses. */
  path: 200,
  /** Dates and times as written. */
  instant: 40,
} as const;

export const tooLong = (max: number) => `不能超过 ${max} 个字`;

/** A required one-line text field of at most `max` characters (trimmed, never empty). */
export const text = (max: number = MAX_LENGTH.line) => z.string().trim().min(1, '不能为空').max(max, tooLong(max));

/** An optional text field of at most `max` characters. */
export const optionalText = (max: number = MAX_LENGTH.line) => z.string().trim().max(max, tooLong(max)).optional();

/**
 * An address on this site (a video, its captions): an absolute path under /media/, ASCII, with
 * no "..", "//" or scheme, so it can never point to another site or climb out of the folder.
 */
export const SITE_MEDIA_PATH = /^\/media\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
export const mediaPath = () =>
  z
    .string()
    .trim()
    .max(MAX_LENGTH.path, tooLong(MAX_LENGTH.path))
    .regex(SITE_MEDIA_PATH, '应为本站 /media/ 下的文件地址，如 /media/school/a.mp4')
    .refine((p) => !p.split('/').includes('..'), '地址不能含有“..”');

/** A point in time written in Beijing time ("2026-11-20 09:30") or with an explicit offset. */
export const instant = () =>
  z
    .union([z.date(), z.string().max(MAX_LENGTH.instant, tooLong(MAX_LENGTH.instant))])
    .transform((value, ctx) => {
      const date = toInstant(value);
      if (!date) {
        ctx.addIssue({ code: 'custom', message: `无法识别的日期时间“${String(value)}”，应写作 2026-11-20 09:30` });
        return z.NEVER;
      }
      return date;
    })
    .meta({ cmsWidget: 'datetime' });

/** CMS hint of every publish time: a time in the future schedules the entry (定时发布, src/lib/schedule.ts). */
export const PUBLISH_HINT = '北京时间，如 2026-11-20 09:30。填将来的时间即为定时发布：到点前网站上看不到，到点后的下一次构建（每天，或每小时）自动上线';

/** A calendar day in Beijing time ("2026-11-20"); the CMS shows a date picker without a time. */
export const day = () => instant().meta({ cmsWidget: 'date' });

export const count = () => z.number().int('应为整数').min(0, '不能为负数');

/** The fields of a quiz or exam question; `answer` holds the indices of the correct options (0-based). */
export const questionFields = z.strictObject({
  // The question text.
  question: label(text(MAX_LENGTH.sentence), '题目', '题干，一句话说清问什么'),
  // Single choice, multiple choice or true/false.
  type: label(z.enum(QUESTION_TYPES), '题型', '单选、多选或判断'),
  // The options shown to the learner, in order.
  options: label(z.array(text()).min(2, '至少两个选项').max(10, '最多 10 个选项'), '选项', '按显示顺序填写；判断题填“正确”“错误”'),
  // Indices (from 0) of the correct options.
  answer: label(z.array(z.number().int().min(0)).min(1, '至少一个正确答案'), '正确答案', '正确选项的序号，从 0 开始'),
  // Shown after answering, right or wrong.
  explanation: label(text(MAX_LENGTH.sentence), '解析', '答题后显示的解析'),
});

/** Answers must point at options, once each; single and true/false questions have one. */
export function refineQuestion(q: z.output<typeof questionFields>, ctx: z.RefinementCtx): void {
  for (const a of q.answer) {
    if (a >= q.options.length) ctx.addIssue({ code: 'custom', path: ['answer'], message: `答案序号 ${a} 超出选项范围` });
  }
  if (new Set(q.answer).size !== q.answer.length) ctx.addIssue({ code: 'custom', path: ['answer'], message: '答案序号重复' });
  if (q.type !== 'multiple' && q.answer.length !== 1) {
    ctx.addIssue({ code: 'custom', path: ['answer'], message: '单选题和判断题只能有一个正确答案' });
  }
  if (q.type === 'truefalse' && q.options.length !== 2) {
    ctx.addIssue({ code: 'custom', path: ['options'], message: '判断题应有两个选项' });
  }
}

/** A quiz question. */
export const question = label(questionFields.superRefine(refineQuestion), '题目', '一道题');

export type Question = z.output<typeof question>;

/** A latitude or longitude in decimal degrees, WGS-84. */
export const degrees = (min: number, max: number) => z.number().min(min, `应在 ${min} 到 ${max} 之间`).max(max, `应在 ${min} 到 ${max} 之间`);

/** A rectangle of WGS-84 degrees. */
export const bounds = z
  .strictObject({
    // Southern edge (latitude).
    south: label(degrees(-90, 90), '南界纬度', '例如 39.85'),
    // Western edge (longitude).
    west: label(degrees(-180, 180), '西界经度', '例如 116.10'),
    // Northern edge (latitude).
    north: label(degrees(-90, 90), '北界纬度', '例如 39.95'),
    // Eastern edge (longitude).
    east: label(degrees(-180, 180), '东界经度', '例如 116.30'),
  })
  .superRefine((b, ctx) => {
    if (b.south >= b.north) ctx.addIssue({ code: 'custom', path: ['north'], message: '北界纬度应大于南界纬度' });
    if (b.west >= b.east) ctx.addIssue({ code: 'custom', path: ['east'], message: '东界经度应大于西界经度' });
  });

/** A station's position and a line on how to reach it. */
export const location = z.strictObject({
  // Latitude, WGS-84 (as a phone's GPS gives it).
  lat: label(degrees(-90, 90), '纬度', 'WGS-84 纬度，如 39.9071'),
  // Longitude, WGS-84.
  lng: label(degrees(-180, 180), '经度', 'WGS-84 经度，如 116.2019'),
  // One line on how to get there.
  directions: label(text().max(60, '不超过60字'), '到达方式', '例如 地铁1号线某某站B口步行5分钟'),
});

/** A cover needs its text alternative: screen-reader users must learn what the picture shows. */
export function requireCoverAlt(entry: { cover?: unknown; coverAlt?: string | undefined }, ctx: z.RefinementCtx): void {
  if (entry.cover !== undefined && !entry.coverAlt) {
    ctx.addIssue({ code: 'custom', path: ['coverAlt'], message: '有封面图时必须填写封面图说明' });
  }
}

/**
 * A topic's own rules: the end, when given, is not before the start; it gathers something (tags
 * or hand-picked entries; whether the tags match anything is checked across files by the
 * validator); no entry is picked twice.
 */
export function refineTopic(
  topic: { start: Date; end?: Date | undefined; tags: string[]; entries: { type: string; entry?: unknown }[] },
  ctx: z.RefinementCtx,
): void {
  // A date that failed to parse is reported by its own field; nothing to compare then.
  if (topic.start instanceof Date && topic.end instanceof Date && topic.end.getTime() < topic.start.getTime()) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: '结束日期早于开始日期' });
  }
  if (topic.tags.length === 0 && topic.entries.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['entries'], message: '专题没有汇集任何内容：请填写汇集标签或手选条目' });
  }
  const seen = new Set<string>();
  topic.entries.forEach((item, i) => {
    const key = `${item.type}:${JSON.stringify(item.entry)}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'entry'], message: '手选条目重复' });
    seen.add(key);
  });
}

/** Name of each section a topic gathers from, as the CMS shows it: the dictionary's, as on the topic page. */
export const topicSectionLabel = (section: TopicSection): string => t(`topics.section.${section}`);

/** Tags of an entry: a few keywords. */
export const tags = () => label(z.array(text(MAX_LENGTH.tag)).max(20, '最多 20 个标签').default([]), '标签', '几个关键词，便于查找相关内容');
/** The one- or two-sentence summary lists and search results show. */
export const summary = () => label(text(200), '摘要', '一两句话，列表和搜索结果中显示');

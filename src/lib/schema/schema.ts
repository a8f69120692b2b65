/**
 * The content model: one zod schema per collection. This is the single source of truth for
 * what an entry may contain. `src/content.config.ts` hands these schemas to Astro, and
 * `scripts/validate-content.ts` runs the very same schemas before Astro starts, so that a bad
 * file is reported in one plain line.
 *
 * Every field carries `.meta({ title, description })`: the Chinese label and hint an editor
 * sees in the CMS. The English `//` comment above each field is for developers.
 */
import { z } from 'astro/zod';
import { toInstant } from '../dates.ts';
import { STREET_RE } from '../stations/naming.ts';
import {
  ACTIVITY_KINDS,
  EQUIPMENT,
  EXCHANGE_TOPICS,
  NEWS_CATEGORIES,
  OFFICE_KINDS,
  QUESTION_TYPES,
  STATION_SERVICES,
  STREET_KINDS,
  type CollectionName,
  type TopicSection,
} from './enums.ts';
import { ICP_RE, PSB_RE, SITE_CODE_RE } from '../site-ids.ts';

/** How a schema refers to another collection and to an image; Astro and the validator differ. */
export interface SchemaHelpers<R extends z.ZodType, I extends z.ZodType> {
  ref: (collection: CollectionName) => R;
  image: () => I;
}

/** Attaches the CMS label and hint to a field. */
function label<T extends z.ZodType>(schema: T, title: string, description: string): T {
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

const tooLong = (max: number) => `不能超过 ${max} 个字`;

/** A required one-line text field of at most `max` characters (trimmed, never empty). */
export const text = (max: number = MAX_LENGTH.line) => z.string().trim().min(1, '不能为空').max(max, tooLong(max));

/** An optional text field of at most `max` characters. */
export const optionalText = (max: number = MAX_LENGTH.line) => z.string().trim().max(max, tooLong(max)).optional();

/**
 * An address on this site (a video, its captions): an absolute path under /media/, ASCII, with
 * no "..", "//" or scheme, so it can never point to another site or climb out of the folder.
 */
const SITE_MEDIA_PATH = /^\/media\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const mediaPath = () =>
  z
    .string()
    .trim()
    .max(MAX_LENGTH.path, tooLong(MAX_LENGTH.path))
    .regex(SITE_MEDIA_PATH, '应为本站 /media/ 下的文件地址，如 /media/school/a.mp4')
    .refine((p) => !p.split('/').includes('..'), '地址不能含有“..”');

/** A point in time written in Beijing time ("2026-11-20 09:30") or with an explicit offset. */
const instant = () =>
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
const PUBLISH_HINT = '北京时间，如 2026-11-20 09:30。填将来的时间即为定时发布：到点前网站上看不到，到点后的下一次构建（每天，或每小时）自动上线';

/** A calendar day in Beijing time ("2026-11-20"); the CMS shows a date picker without a time. */
const day = () => instant().meta({ cmsWidget: 'date' });

const count = () => z.number().int('应为整数').min(0, '不能为负数');

/** The fields of a quiz or exam question; `answer` holds the indices of the correct options (0-based). */
const questionFields = z.strictObject({
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
function refineQuestion(q: z.output<typeof questionFields>, ctx: z.RefinementCtx): void {
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
const question = label(questionFields.superRefine(refineQuestion), '题目', '一道题');

export type Question = z.output<typeof question>;

/** A latitude or longitude in decimal degrees, WGS-84. */
const degrees = (min: number, max: number) => z.number().min(min, `应在 ${min} 到 ${max} 之间`).max(max, `应在 ${min} 到 ${max} 之间`);

/** A rectangle of WGS-84 degrees. */
const bounds = z
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
const location = z.strictObject({
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

/** Chinese name of each section a topic gathers from, as the CMS shows it. */
const TOPIC_SECTION_LABELS: Record<TopicSection, string> = {
  news: '党建动态',
  theory: '理论文章',
  lessons: '网上党校课时',
  activities: '活动通知',
  exchange: '经验交流',
  diary: '党建日记',
};

/** Builds every collection's schema with the given reference and image helpers. */
export function makeSchemas<R extends z.ZodType, I extends z.ZodType>({ ref, image }: SchemaHelpers<R, I>) {
  const settings = z.strictObject({
    // The district's name as the report writes it.
    district: label(text(), '区名', '例如 XX区'),
    // Full site title shown in the header and the browser tab.
    title: label(text(), '网站名称', '页头和浏览器标签上显示的名称'),
    // Short name for the one-row header on phones; the full title when absent.
    shortTitle: label(z.string().trim().max(8, '不超过 8 个字').optional(), '网站简称', '手机等窄屏页头显示的简称，如 楼宇党建；不超过 8 个字，留空则显示网站名称'),
    // One sentence describing the site, for search engines and link previews.
    description: label(text(MAX_LENGTH.sentence), '网站简介', '一句话介绍本站，用于搜索引擎和分享预览'),
    // The office that runs the site.
    organiser: label(text(), '主办单位', '页脚显示的主办单位'),
    // Public contact of the office (never a personal number).
    contact: label(
      z.strictObject({
        // Office phone.
        phone: label(text(), '办公电话', '单位办公电话，不填个人手机'),
        // Postal address.
        address: label(text(), '地址', '办公地址'),
        // Office e-mail.
        email: label(z.email('邮箱格式不正确').max(MAX_LENGTH.path, tooLong(MAX_LENGTH.path)), '电子邮箱', '单位公共邮箱'),
      }),
      '联系方式',
      '主办单位的公共联系方式',
    ),
    // ICP filing number shown in the footer (identifiers: src/lib/site-ids.ts).
    icp: label(text().regex(ICP_RE, '应写作 京ICP备12345678号 或 京ICP备12345678号-1'), 'ICP备案号', '页脚显示，如 京ICP备12345678号-1'),
    // Public security filing number (公安机关备案号); its number links to the record page.
    psb: label(text().regex(PSB_RE, '应写作 京公网安备 11010502012345号（14 位数字）'), '公安机关备案号', '页脚显示，如 京公网安备 11010502012345号'),
    // 网站标识码 assigned to government websites.
    siteCode: label(text().regex(SITE_CODE_RE, '应为 10 位数字或字母'), '网站标识码', '政府网站标识码，10 位，如 1101000001'),
    // The 网上咨询建言渠道 (互动回应, 国办秘函〔2019〕19号): a static site hosts none, so it links one —
    // the district portal's 留言 page (https://…) or a mailbox (mailto:…). Shown in the footer and on
    // the 联系我们 page; `npm run inspect` fails 互动回应差 while it is empty.
    consultation: label(
      z
        .string()
        .trim()
        .max(MAX_LENGTH.path, tooLong(MAX_LENGTH.path))
        .regex(/^(https:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+)$/, '应为 https:// 开头的留言页面网址，或 mailto: 开头的邮箱')
        .optional(),
      '网上咨询建言渠道',
      '区政府门户网站“留言”页面的网址（https://…），或接收咨询建言的邮箱（mailto:…）；留空时网站检查判为“互动回应差”',
    ),
    // The optional 党政机关网站标识 (a picture stored on this site, and the record page it opens).
    partyGovMark: label(
      z
        .strictObject({
          // The mark's picture, uploaded to this site (the CSP loads no picture from elsewhere).
          image: label(mediaPath(), '标识图片', '上传到本站的标识图片'),
          // The 党政机关网站 record page the mark opens.
          href: label(z.url({ protocol: /^https$/, error: '应为 https:// 开头的网址' }).max(MAX_LENGTH.path, tooLong(MAX_LENGTH.path)), '标识链接', '点击标识打开的开办资格查询页'),
        })
        .optional(),
      '党政机关网站标识',
      '网站已获得党政机关网站标识时填写，否则留空',
    ),
    // Standard political phrasings and their known wrong forms; `npm run inspect` reports every wrong form in content.
    wording: label(
      z
        .array(
          z.strictObject({
            // The correct phrasing.
            correct: label(text(), '规范表述', '正确的写法'),
            // Known wrong forms of it.
            wrong: label(z.array(text()).min(1, '至少一种错误写法'), '错误写法', '常见的错误写法，每行一种'),
          }),
        )
        .default([]),
      '规范表述',
      '重要表述及其常见错误写法；网站检查会列出内容中每一处错误写法的文件和行号',
    ),
    // The one main colour of the site, as #rrggbb.
    mainColor: label(z.string().max(7, '应写作 #rrggbb').regex(/^#[0-9a-fA-F]{6}$/, '应写作 #rrggbb'), '主色', '网站主色，如 #b71c1c'),
    // The district's bounding box (WGS-84); station locations must lie inside it.
    bounds: label(bounds.optional(), '辖区范围', '辖区的经纬度范围（WGS-84），工作站位置必须在此范围内'),
  });

  const streets = z.strictObject({
    // Name of the street office or community.
    name: label(text().regex(STREET_RE, '应以“街道”或“社区”结尾，且不含空格'), '名称', '例如 古城街道、鲁谷社区'),
    // 街道 or 社区.
    kind: label(z.enum(STREET_KINDS), '类型', '街道或社区'),
    // Position in lists, small first.
    order: label(z.number().int().default(0), '排序', '数字小的排在前面'),
  });

  const building = z.strictObject({
    // Building name as used on its sign.
    name: label(
      text().refine((n) => !n.endsWith('工作站'), '楼宇名称不应以“工作站”结尾（工作站名称由街道和主楼名称生成）'),
      '楼宇名称',
      '楼宇的正式名称',
    ),
    // Floor area in square metres.
    area: label(z.number().positive('应大于 0'), '建筑面积（㎡）', '楼宇建筑面积，单位平方米'),
    // Companies located in the building.
    companies: label(count(), '入驻企业数', '楼内入驻企业数量'),
    // People employed in the building.
    employees: label(count(), '从业人员数', '楼内从业人员数量'),
    // Of them, aged under 35.
    employeesUnder35: label(count(), '35岁以下员工数', '其中35岁以下员工数量'),
  });

  const stations = z
    .strictObject({
      // The street office or community the station belongs to.
      street: label(ref('streets'), '所属街道', '工作站所属的街道或社区'),
      // The buildings the station covers; the first is the main building that names it.
      buildings: label(z.array(building).min(1, '至少一座楼宇'), '所辖楼宇', '第一座为主楼，用于工作站名称；联合建站依次列出'),
      // Which of the five station types the station offers.
      services: label(z.array(z.enum(STATION_SERVICES)).min(1, '至少一项'), '服务职能', '“五站合一”即五项全选'),
      // The station's office.
      office: label(
        z.strictObject({
          // Own office or shared with the building's management.
          kind: label(z.enum(OFFICE_KINDS), '用房类型', '独立办公用房或与物业合用'),
          // Office floor area in square metres.
          area: label(z.number().positive('应大于 0'), '办公面积（㎡）', '办公用房面积'),
        }),
        '办公用房',
        '工作站办公用房情况',
      ),
      // Which items of the "五个一" standard are present.
      equipment: label(z.array(z.enum(EQUIPMENT)).default([]), '办公设备', '“五个一”：电脑、电话、办公桌、打印机、书柜'),
      // Staff counts; no names are published.
      staff: label(
        z.strictObject({
          // Full-time staff, at least one per station.
          fullTime: label(z.number().int().min(1, '每站至少1名专职人员'), '专职人员', '专职工作人员人数'),
          // Part-time staff.
          partTime: label(count(), '兼职人员', '兼职工作人员人数'),
          // Full-time staff who were community party secretaries.
          formerSecretaries: label(count().default(0), '其中社区书记', '专职人员中由社区党委书记置换而来的人数'),
          // Full-time staff recruited as graduate social workers.
          socialWorkers: label(count().default(0), '其中大学生社工', '专职人员中党员大学生社工人数'),
        }),
        '工作人员',
        '只填人数，不公开姓名',
      ),
      // Annual output of the companies in the station's buildings, in 万元.
      output: label(z.number().min(0, '不能为负数'), '年总产值（万元）', '所辖楼宇经济组织年总产值，单位万元'),
      // Party organisations formed through the station.
      partyOrganisations: label(count(), '党组织数', '通过工作站组建的党组织数量'),
      // Party members in the buildings.
      partyMembers: label(count(), '党员数', '楼宇内党员人数'),
      // Of them, mobile party members.
      mobilePartyMembers: label(count(), '流动党员数', '其中流动党员人数'),
      // Public contact of the station's office.
      contact: label(
        z.strictObject({
          // Office phone of the station.
          phone: label(text(), '办公电话', '工作站办公电话，不填个人手机'),
          // Street address of the office.
          address: label(text(), '地址', '工作站办公地址'),
          // Opening hours.
          hours: label(text(), '开放时间', '例如 周一至周五 9:00—17:30'),
          // QQ or WeChat group for companies in the building.
          group: label(optionalText(), 'QQ/微信群', '楼宇企业交流群号，可不填'),
        }),
        '联系方式',
        '工作站的公共联系方式',
      ),
      // Year the station was founded.
      founded: label(z.number().int().min(2000).max(2100).optional(), '建站年份', '例如 2009'),
      // Where the station is (WGS-84) and how to get there; checked against settings.bounds.
      location: label(location.optional(), '位置', '工作站的经纬度（WGS-84，即手机定位的坐标）和一句到达方式，可不填'),
    })
    .superRefine((s, ctx) => {
      s.buildings.forEach((b, i) => {
        if (b.employeesUnder35 > b.employees) {
          ctx.addIssue({ code: 'custom', path: ['buildings', i, 'employeesUnder35'], message: '35岁以下员工数不能多于从业人员数' });
        }
      });
      if (s.mobilePartyMembers > s.partyMembers) {
        ctx.addIssue({ code: 'custom', path: ['mobilePartyMembers'], message: '流动党员数不能多于党员数' });
      }
      if (s.staff.formerSecretaries + s.staff.socialWorkers > s.staff.fullTime) {
        ctx.addIssue({ code: 'custom', path: ['staff'], message: '社区书记与大学生社工之和不能多于专职人员数' });
      }
      const names = s.buildings.map((b) => b.name);
      if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['buildings'], message: '楼宇名称重复' });
      if (new Set(s.services).size !== s.services.length) ctx.addIssue({ code: 'custom', path: ['services'], message: '服务职能重复' });
    });

  const tags = () => label(z.array(text(MAX_LENGTH.tag)).max(20, '最多 20 个标签').default([]), '标签', '几个关键词，便于查找相关内容');
  const summary = () => label(text(200), '摘要', '一两句话，列表和搜索结果中显示');

  const news = z.strictObject({
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
  }).superRefine(requireCoverAlt);

  const activities = z
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

  const columns = z.strictObject({
    // Column name.
    title: label(text(), '专栏名称', '理论专栏名称'),
    // What the column is about.
    description: label(text(MAX_LENGTH.sentence), '专栏介绍', '一两句话介绍本专栏'),
    // Position in lists, small first.
    order: label(z.number().int().default(0), '排序', '数字小的排在前面'),
  });

  const theory = z.strictObject({
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

  const courses = z.strictObject({
    // Course title.
    title: label(text(), '课程名称', '课程名称'),
    // What the course covers.
    summary: summary(),
    // Credit hours (学时) earned by completing it.
    hours: label(z.number().positive('应大于 0'), '学时', '完成本课程可获得的学时'),
    // Position in lists, small first.
    order: label(z.number().int().default(0), '排序', '数字小的排在前面'),
  });

  const lessons = z.strictObject({
    // Lesson title.
    title: label(text(), '课时名称', '本课标题'),
    // The course it belongs to.
    course: label(ref('courses'), '所属课程', '本课所属课程'),
    // Position within the course, small first.
    order: label(z.number().int().min(1, '从 1 开始'), '顺序', '在课程中的顺序，从 1 开始'),
    // Estimated study time in minutes.
    minutes: label(z.number().int().positive('应大于 0'), '学习时长（分钟）', '预计学习分钟数'),
    // Short summary.
    summary: summary(),
    // Optional short video with captions.
    video: label(
      z
        .strictObject({
          // Path of the video file under the site root.
          src: label(mediaPath(), '视频文件', '上传的视频地址'),
          // WebVTT captions for the video.
          captions: label(mediaPath(), '字幕文件', 'WebVTT 字幕地址'),
          // What the video shows, for people who cannot watch it.
          description: label(text(MAX_LENGTH.sentence), '视频说明', '一句话说明视频内容'),
        })
        .optional(),
      '视频',
      '可选的短视频，必须附字幕',
    ),
    // Self-check questions shown at the end of the lesson.
    quiz: label(z.array(question).default([]), '自测题', '课后自测题，2—5 道'),
    // A draft is never published.
    draft: label(z.boolean().default(false), '草稿', '勾选后不会发布'),
  });

  const exams = z
    .strictObject({
      // Exam title.
      title: label(text(), '考试名称', '例如 新任工作人员上岗培训结业考试'),
      // The course it examines.
      course: label(ref('courses'), '所属课程', '本考试对应的课程'),
      // How many questions each attempt draws from the bank.
      draw: label(z.number().int().min(1, '至少抽 1 题'), '每次抽题数', '每次考试从题库随机抽取的题数'),
      // Pass mark in percent.
      passMark: label(z.number().min(0).max(100), '及格分（百分制）', '例如 60'),
      // Time limit in minutes; none when empty.
      timeLimit: label(z.number().int().positive().optional(), '限时（分钟）', '可不填，不填则不限时'),
      // The question bank; each question names the lesson of this course that teaches it.
      questions: label(
        z
          .array(
            label(
              questionFields
                .extend({
                  // The lesson that teaches it; a wrong answer links there.
                  lesson: label(ref('lessons'), '出自课时', '讲授这道题内容的课时（必须属于本课程），答错时引导学员重读'),
                })
                .superRefine(refineQuestion),
              '题目',
              '一道题',
            ),
          )
          .min(1, '题库不能为空'),
        '题库',
        '本课程的考试题库',
      ),
    })
    .superRefine((e, ctx) => {
      if (!Array.isArray(e.questions)) return;
      if (e.draw > e.questions.length) {
        ctx.addIssue({ code: 'custom', path: ['draw'], message: `抽题数 ${e.draw} 多于题库题数 ${e.questions.length}` });
      }
    });

  const exchange = z.strictObject({
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

  const diary = z.strictObject({
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

  const pages = z.strictObject({
    // Page title.
    title: label(text(), '标题', '页面标题'),
    // One sentence for search engines.
    description: label(text(MAX_LENGTH.sentence), '简介', '一句话介绍本页'),
    // Position in the footer, small first.
    order: label(z.number().int().default(0), '排序', '页脚链接中的顺序'),
  });

  /** One hand-picked entry of a topic: which section, and which entry of it. */
  const pick = <S extends TopicSection>(section: S) =>
    z
      .strictObject({
        // The section; Decap writes it as the list item's type.
        type: z.literal(section),
        // The entry of that section.
        entry: label(ref(section), '条目', `选择一条${TOPIC_SECTION_LABELS[section]}`),
      })
      .meta({ title: TOPIC_SECTION_LABELS[section], description: `从${TOPIC_SECTION_LABELS[section]}中挑选` });
  // One element per section of TOPIC_SECTIONS, in its order (the test of the CMS config checks both agree).
  const topicEntry = z.discriminatedUnion('type', [pick('news'), pick('theory'), pick('lessons'), pick('activities'), pick('exchange'), pick('diary')]);

  const topics = z
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

  return { settings, streets, stations, news, activities, columns, theory, courses, lessons, exams, exchange, diary, pages, topics };
}

/** Where each collection lives under the content root, and its file pattern. */
export const COLLECTION_FILES: Record<CollectionName, string> = {
  settings: 'settings/*.yaml',
  streets: 'streets/*.yaml',
  stations: 'stations/*.md',
  news: 'news/*.md',
  activities: 'activities/*.md',
  columns: 'columns/*.yaml',
  theory: 'theory/*.md',
  courses: 'courses/*.md',
  lessons: 'lessons/*.md',
  exams: 'exams/*.yaml',
  exchange: 'exchange/*.md',
  diary: 'diary/*.md',
  pages: 'pages/*.md',
  topics: 'topics/*.md',
};

/**
 * First address segments that the site's own routes and build output use. A single page lives
 * at /<id>/, so a page file with one of these names would take a section's address (or the
 * CMS's); the validator refuses it. A unit test keeps this list in step with `src/pages/`.
 */
export const RESERVED_PAGE_IDS: ReadonlySet<string> = new Set([
  'news', 'activities', 'theory', 'school', 'stations', 'exchange', 'diary', 'topics', 'stats', 'search',
  'admin', 'media', 'pagefind', '_astro', '404', 'rss', 'sitemap', 'favicon', 'index', 'robots',
]);

/**
 * Ids the party school's own routes take: a course lives at /school/<id>/ beside the record and
 * 每日一题 pages, and a lesson at /school/<course>/<id>/ beside the course's exam and its further
 * syllabus pages (/school/<course>/page/<n>/). A course or lesson file with one of these names
 * would take (or shadow) such an address; the validator refuses it. A unit test keeps these
 * lists in step with `src/pages/school/`.
 */
export const RESERVED_COURSE_IDS: ReadonlySet<string> = new Set(['record', 'daily']);
export const RESERVED_LESSON_IDS: ReadonlySet<string> = new Set(['exam', 'page']);

/** An entry's id: its file name without folder and extension ("a/b/x-y.md" → "x-y"). */
export function entryIdFromFile(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

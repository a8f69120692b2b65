/**
 * A tiny in-memory stand-in for `astro:content`'s getCollection, for unit tests of the
 * build-time modules (collections.content.ts, feed-entries.content.ts, calendar-entries.content.ts). Entries carry only the
 * fields those modules read, already parsed as the schemas would give them.
 */
const at = (iso: string) => new Date(iso);
const ref = <C extends string>(collection: C, id: string) => ({ collection, id });
const station = (id: string, street: string, building: string) => ({
  id,
  collection: 'stations',
  data: { street: ref('streets', street), buildings: [{ name: building, area: 1000 }] },
});

export const COLLECTIONS: Record<string, unknown[]> = {
  settings: [{ id: 'site', collection: 'settings', data: { title: '测试网站', organiser: '测试区委社会工委' } }],
  streets: [
    { id: 'laoshan', collection: 'streets', data: { name: '老山街道', order: 2 } },
    { id: 'gucheng', collection: 'streets', data: { name: '古城街道', order: 1 } },
  ],
  stations: [station('meiyuan', 'laoshan', '梅园大厦'), station('lingxiu', 'gucheng', '领秀大厦'), station('anhe', 'gucheng', '安和大厦')],
  news: [
    {
      id: 'n-old',
      collection: 'news',
      data: { title: '旧动态', published: at('2026-01-01T01:00:00Z'), category: '党建动态', tags: [], summary: '旧', station: ref('stations', 'lingxiu') },
    },
    {
      id: 'n-draft',
      collection: 'news',
      data: { title: '草稿', published: at('2026-12-01T01:00:00Z'), category: '党建动态', tags: [], summary: '稿', draft: true },
    },
    { id: 'n-b', collection: 'news', data: { title: '同时 B', published: at('2026-11-20T01:00:00Z'), category: '通知公告', tags: ['学习'], summary: 'B' } },
    {
      id: 'n-a',
      collection: 'news',
      data: { title: '同时 A', published: at('2026-11-20T01:00:00Z'), category: '通知公告', tags: [], summary: 'A', station: ref('stations', 'meiyuan') },
    },
  ],
  activities: [
    {
      id: 'a1',
      collection: 'activities',
      data: {
        title: '讲座',
        start: at('2026-12-05T06:00:00Z'),
        end: at('2026-12-05T08:00:00Z'),
        place: '三层会议室',
        summary: '请准时',
        kind: '送知识',
        tags: ['讲座'],
        cancelled: false,
        station: ref('stations', 'lingxiu'),
      },
    },
    {
      id: 'a2',
      collection: 'activities',
      data: {
        title: '义诊',
        start: at('2026-12-06T06:00:00Z'),
        end: at('2026-12-06T08:00:00Z'),
        place: '大堂',
        summary: '免费',
        kind: '送服务',
        tags: [],
        cancelled: true,
        station: ref('stations', 'gone'),
      },
    },
  ],
  columns: [
    { id: 'c2', collection: 'columns', data: { title: '第二栏', order: 2 } },
    { id: 'c1', collection: 'columns', data: { title: '第一栏', order: 1 } },
  ],
  theory: [
    {
      id: 't1',
      collection: 'theory',
      data: { title: '文章', published: at('2026-10-01T01:00:00Z'), column: ref('columns', 'c1'), tags: ['理论'], summary: '摘要' },
    },
  ],
  exchange: [
    {
      id: 'x1',
      collection: 'exchange',
      data: { title: '经验', published: at('2026-11-01T01:00:00Z'), topic: '服务企业', tags: [], summary: '做法', station: ref('stations', 'meiyuan') },
    },
  ],
  diary: [
    {
      id: 'd1',
      collection: 'diary',
      body: '\n今天开展了学习。\n',
      rendered: { html: '<p>今天开展了学习。</p>' },
      data: { title: '日记', date: at('2026-10-31T16:00:00Z'), tags: [], station: ref('stations', 'lingxiu') },
    },
  ],
  courses: [
    { id: 'k2', collection: 'courses', data: { title: '课二', order: 2, hours: 1 } },
    { id: 'k1', collection: 'courses', data: { title: '课一', order: 1, hours: 2 } },
  ],
  lessons: [
    { id: 'l3', collection: 'lessons', data: { title: '课时三', course: ref('courses', 'k2'), order: 1 } },
    { id: 'l2', collection: 'lessons', data: { title: '课时二', course: ref('courses', 'k1'), order: 2 } },
    { id: 'l1', collection: 'lessons', data: { title: '课时一', course: ref('courses', 'k1'), order: 1 } },
    { id: 'l-draft', collection: 'lessons', data: { title: '草稿课时', course: ref('courses', 'k1'), order: 3, draft: true } },
  ],
  exams: [],
  pages: [
    { id: 'help', collection: 'pages', data: { title: '帮助', order: 2 } },
    { id: 'about', collection: 'pages', data: { title: '关于', order: 1 } },
  ],
};

/** getCollection over COLLECTIONS: a fresh array each call, like Astro's. */
export async function getCollection(name: string): Promise<unknown[]> {
  return [...(COLLECTIONS[name] ?? [])];
}

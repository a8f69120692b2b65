/**
 * The CMS preview templates: rendered with a stand-in for Decap's `h`, every template shows the
 * entry's fields under the site's own (dictionary) labels, and an empty entry still renders.
 */
import { describe, expect, it } from 'vitest';
import { registerPreviews } from '../../src/admin/previews.ts';
import { t } from '../../src/i18n/t.ts';

interface Node {
  tag: string;
  props: Record<string, unknown> | null;
  children: unknown[];
}
const h = (tag: string, props: Record<string, unknown> | null = null, ...children: unknown[]): Node => ({ tag, props, children });
const textOf = (n: unknown): string =>
  n === null || n === undefined || n === false ? '' : typeof n === 'object' ? (n as Node).children.map(textOf).join('') : String(n);

/** An Immutable.js stand-in over plain data. */
const immutable = (data: unknown) => ({
  getIn: (path: (string | number)[]) => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data),
  toJS: () => data,
});

const templates = new Map<string, { render(this: { props: unknown }): unknown }>();
registerPreviews(
  { registerPreviewTemplate: (name, component) => templates.set(name, component as { render(this: { props: unknown }): unknown }) },
  { h, createClass: (spec: unknown) => spec },
);

function render(name: string, data: Record<string, unknown>, meta?: Record<string, unknown>): string {
  const template = templates.get(name);
  if (!template) throw new Error(`no preview template ${name}`);
  const props = { entry: immutable({ data }), widgetFor: () => '【正文】', getAsset: () => undefined, fieldsMetaData: meta ? immutable(meta) : undefined };
  return textOf(template.render.call({ props }));
}

describe('CMS previews', () => {
  it('registers a template for every collection editors write prose in', () => {
    expect([...templates.keys()].sort()).toEqual(['activities', 'lessons', 'news', 'stations', 'theory', 'topics']);
  });

  it('shows a news item with the site labels and the station picked by building', () => {
    const text = render(
      'news',
      { title: '联席会议召开', published: '2026-11-20 09:30', station: 'lingxiu', author: '宣传组', category: '工作站动态', body: '【正文】' },
      { station: { stations: { lingxiu: { buildings: [{ name: '领秀大厦' }] } } } },
    );
    for (const part of [
      '工作站动态',
      '联席会议召开',
      t('meta.published'),
      '2026',
      t('cms.preview.stationName', { building: '领秀大厦' }),
      t('meta.author'),
      '宣传组',
      '【正文】',
    ])
      expect(text).toContain(part);
  });

  it('marks a cancelled activity and lists its details', () => {
    const text = render('activities', { title: '政策解读会', cancelled: true, place: '三楼会议室', kind: '送政策', audience: '楼宇企业', signup: '电话报名' });
    for (const part of [
      t('cms.preview.activityCancelledKicker'),
      t('activities.place'),
      '三楼会议室',
      t('activities.kind'),
      '送政策',
      t('activities.signup'),
      '电话报名',
    ])
      expect(text).toContain(part);
  });

  it('shows a lesson with its quiz, question types and correct answers', () => {
    const text = render('lessons', {
      title: '党章学习',
      order: 2,
      minutes: 20,
      quiz: [{ question: '党的最高领导机关是？', type: 'single', options: ['全国代表大会', '支部'], answer: [0], explanation: '见党章。' }],
    });
    for (const part of [
      t('cms.preview.lessonKicker', { order: 2 }),
      t('cms.preview.minutesValue', { minutes: 20 }),
      t('cms.preview.quiz', { count: 1 }),
      t('cms.questionType.single'),
      `全国代表大会${t('cms.preview.correct')}`,
      t('school.explanation', { text: '见党章。' }),
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain(`支部${t('cms.preview.correct')}`);
  });

  it("shows a station named after its main building, with each building's figures", () => {
    const text = render('stations', {
      buildings: [{ name: '领秀大厦', area: 12000, companies: 60, employees: 800 }],
      services: ['党建', '工会'],
      contact: { phone: '010-0000' },
    });
    for (const part of [
      t('cms.preview.stationName', { building: '领秀大厦' }),
      t('cms.preview.building', { name: '领秀大厦', area: 12000, companies: 60, employees: 800 }),
      '党建、工会',
      t('stations.phone'),
      '010-0000',
    ])
      expect(text).toContain(part);
  });

  it('shows a topic with its days, an open end, summary and introduction', () => {
    const text = render('topics', { title: '楼宇青年学习季', start: '2026-09-01', summary: '一个学习季。', bannerAlt: '插画', body: '【正文】' });
    for (const part of [
      t('cms.preview.topicKicker'),
      '楼宇青年学习季',
      t('cms.preview.topicStart'),
      '2026年9月1日',
      t('cms.preview.topicOpen'),
      '一个学习季。',
      '【正文】',
    ])
      expect(text).toContain(part);
    expect(render('topics', { start: '2026-03-01', end: '2026-06-30' })).toContain('2026年6月30日');
  });

  it('renders empty entries with placeholders instead of failing', () => {
    expect(render('news', {})).toContain(t('cms.preview.untitled'));
    expect(render('stations', {})).toContain(t('cms.preview.needBuilding'));
    expect(render('theory', {})).toContain(t('cms.preview.theoryKicker'));
    expect(render('topics', {})).toContain(t('cms.preview.untitled'));
  });
});

describe('CMS preview bodies', () => {
  /** Every element and attribute the preview would create. */
  const elements = (n: unknown, out: { tag: string; props: Record<string, unknown> }[] = []) => {
    if (n && typeof n === 'object' && 'tag' in n) {
      const node = n as Node;
      out.push({ tag: node.tag, props: node.props ?? {} });
      for (const c of node.children) elements(c, out);
    }
    return out;
  };
  const renderTree = (body: string) => {
    const template = templates.get('news');
    if (!template) throw new Error('no news preview');
    const props = { entry: immutable({ data: { title: '标题', body } }), widgetFor: () => '', getAsset: () => undefined };
    return template.render.call({ props });
  };

  it.each([
    ['a script element', '正文<script>alert(1)</script>'],
    ['an event handler', '<img src="x" onerror="alert(1)">'],
    ['a javascript: link', '[点我](javascript:alert(1))'],
    ['an entity-encoded scheme', '[点我](&#106;avascript:alert(1))'],
    ['a backslash-escaped colon', '[点我](javascript\\:alert(1))'],
    ['an SVG with onload', '<svg onload="alert(1)"></svg>'],
    ['a data: image', '![图](data:image/svg+xml,<svg onload=alert(1)>)'],
  ])('render %s through the site sanitiser: nothing can run', (_, body) => {
    const all = elements(renderTree(body));
    expect(all.map((e) => e.tag)).not.toContain('script');
    expect(all.map((e) => e.tag)).not.toContain('svg');
    for (const e of all) {
      for (const [name, value] of Object.entries(e.props)) {
        expect(name.toLowerCase().startsWith('on'), `${e.tag} ${name}`).toBe(false);
        if (name === 'href' || name === 'src') expect(String(value)).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
  });

  it('keeps Markdown structure, with prefixed heading ids and working fragment links', () => {
    const all = elements(renderTree('## main\n\n正文**重点**，[跳到](#main)\n\n- 一\n- 二'));
    expect(all.find((e) => e.tag === 'h2')?.props.id).toBe('user-content-main');
    expect(all.find((e) => e.tag === 'a')?.props.href).toBe('#user-content-main');
    expect(all.map((e) => e.tag)).toEqual(expect.arrayContaining(['strong', 'ul', 'li']));
    expect(textOf(renderTree('正文**重点**'))).toContain('正文重点');
  });
});

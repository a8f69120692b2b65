/**
 * Preview templates for the CMS, built with the `h` and `createClass` Decap exposes on window
 * (no other framework). They mirror the site's markup and classes so /admin/preview.css (the
 * site's global.css) styles them like the real pages.
 */
import { formatDate, formatDateTime, toInstant } from '../lib/dates.ts';

type Child = unknown;
type H = (tag: string, props?: Record<string, unknown> | null, ...children: Child[]) => Child;
export interface DecapGlobals {
  h: H;
  createClass: (spec: { render(this: { props: PreviewProps }): Child }) => unknown;
}
interface Immutable {
  getIn(path: (string | number)[]): unknown;
  toJS(): unknown;
}
interface PreviewProps {
  entry: Immutable;
  widgetFor(name: string): Child;
  getAsset(path: string): { toString(): string } | undefined;
  fieldsMetaData?: Immutable;
}
interface Registry {
  registerPreviewTemplate(name: string, component: unknown): void;
}

const QUESTION_TYPES: Record<string, string> = { single: '单选题', multiple: '多选题', truefalse: '判断题' };

/** Plain value of a field (Immutable values turned into JS). */
function field(props: PreviewProps, ...path: (string | number)[]): unknown {
  const v = props.entry.getIn(['data', ...path]);
  return v && typeof v === 'object' && 'toJS' in v ? (v as Immutable).toJS() : v;
}
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** "2026-11-20 09:30" → 2026年11月20日 09:30-style display, as the site shows it. */
function when(v: unknown, withTime: boolean): string {
  const date = toInstant(v instanceof Date ? v : text(v));
  if (!date) return text(v);
  return withTime ? formatDateTime(date) : formatDate(date);
}

/** The station's name from the relation widget's metadata, else its id. */
function stationLabel(props: PreviewProps, name = 'station'): string {
  const id = text(field(props, name));
  if (!id) return '';
  const building = props.fieldsMetaData?.getIn([name, 'stations', id, 'buildings', 0, 'name']);
  return building ? `${text(building)}工作站` : id;
}

export function registerPreviews(cms: Registry, { h, createClass }: DecapGlobals): void {
  const meta = (items: [string, string][]) =>
    h('dl', { className: 'ld-meta' }, ...items.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
  const tags = (props: PreviewProps) => {
    const list = (field(props, 'tags') as string[] | undefined) ?? [];
    return list.length ? h('ul', { className: 'ld-tags' }, ...list.map((t) => h('li', { className: 'ld-tag' }, t))) : null;
  };
  const article = (props: PreviewProps, kicker: string, details: [string, string][], ...extra: Child[]) =>
    h(
      'main',
      { id: 'main', className: 'ld-container cms-preview' },
      h(
        'article',
        null,
        h('p', { className: 'cms-preview-kicker' }, kicker),
        h('h1', null, text(field(props, 'title')) || '（无标题）'),
        meta(details),
        field(props, 'summary') ? h('p', { className: 'cms-preview-summary' }, text(field(props, 'summary'))) : null,
        ...extra,
        h('div', { className: 'ld-prose' }, props.widgetFor('body')),
        tags(props),
      ),
    );

  const simple = (render: (props: PreviewProps) => Child) =>
    createClass({
      render() {
        return render(this.props);
      },
    });

  cms.registerPreviewTemplate(
    'news',
    simple((p) => {
      const cover = text(field(p, 'cover'));
      return article(
        p,
        text(field(p, 'category')) || '党建动态',
        [['发布时间', when(field(p, 'published'), true)], ['工作站', stationLabel(p) || '全区'], ['作者', text(field(p, 'author'))], ['来源', text(field(p, 'source'))]],
        cover ? h('figure', null, h('img', { src: p.getAsset(cover)?.toString() ?? cover, alt: text(field(p, 'coverAlt')) })) : null,
      );
    }),
  );
  cms.registerPreviewTemplate(
    'activities',
    simple((p) =>
      article(
        p,
        field(p, 'cancelled') ? '活动通知（已取消）' : '活动通知',
        [['开始时间', when(field(p, 'start'), true)], ['结束时间', when(field(p, 'end'), true)], ['地点', text(field(p, 'place'))], ['工作站', stationLabel(p)], ['活动类型', text(field(p, 'kind'))], ['面向对象', text(field(p, 'audience'))], ['报名方式', text(field(p, 'signup'))]],
      ),
    ),
  );
  cms.registerPreviewTemplate(
    'theory',
    simple((p) => article(p, '理论研究', [['发布时间', when(field(p, 'published'), true)], ['作者', text(field(p, 'author'))], ['来源', text(field(p, 'source'))]])),
  );
  cms.registerPreviewTemplate(
    'lessons',
    simple((p) => {
      const quiz = (field(p, 'quiz') as { question?: string; type?: string; options?: string[]; answer?: number[]; explanation?: string }[] | undefined) ?? [];
      const quizBlock = quiz.length
        ? h(
            'section',
            { className: 'ld-card cms-preview-quiz', 'aria-labelledby': 'cms-quiz' },
            h('h2', { id: 'cms-quiz' }, `课后自测（${quiz.length} 题）`),
            h(
              'ol',
              null,
              ...quiz.map((q) =>
                h(
                  'li',
                  null,
                  h('p', null, `${text(q.question)}（${QUESTION_TYPES[text(q.type)] ?? ''}）`),
                  h('ol', { type: 'A' }, ...(q.options ?? []).map((o, i) => h('li', { className: q.answer?.includes(i) ? 'is-answer' : '' }, o, q.answer?.includes(i) ? ' ✓ 正确答案' : ''))),
                  q.explanation ? h('p', { className: 'ld-meta' }, `解析：${q.explanation}`) : null,
                ),
              ),
            ),
          )
        : null;
      return h(
        'main',
        { id: 'main', className: 'ld-container cms-preview' },
        h('p', { className: 'cms-preview-kicker' }, `网上党校 · 第 ${text(field(p, 'order'))} 课`),
        h('h1', null, text(field(p, 'title')) || '（无标题）'),
        meta([['学习时长', field(p, 'minutes') ? `${text(field(p, 'minutes'))} 分钟` : '']]),
        h('p', { className: 'cms-preview-summary' }, text(field(p, 'summary'))),
        h('div', { className: 'ld-prose' }, p.widgetFor('body')),
        quizBlock,
      );
    }),
  );
  cms.registerPreviewTemplate(
    'stations',
    simple((p) => {
      const buildings = (field(p, 'buildings') as { name?: string; area?: number; companies?: number; employees?: number }[] | undefined) ?? [];
      const main = buildings[0]?.name;
      return h(
        'main',
        { id: 'main', className: 'ld-container cms-preview' },
        h('p', { className: 'cms-preview-kicker' }, '工作站'),
        h('h1', null, main ? `${main}工作站` : '（请先填写楼宇）'),
        meta([['地址', text(field(p, 'contact', 'address'))], ['办公电话', text(field(p, 'contact', 'phone'))], ['开放时间', text(field(p, 'contact', 'hours'))], ['服务职能', ((field(p, 'services') as string[] | undefined) ?? []).join('、')]]),
        h(
          'ul',
          { className: 'ld-list' },
          ...buildings.map((b) => h('li', null, `${text(b.name)}：建筑面积 ${text(b.area)}㎡，入驻企业 ${text(b.companies)} 家，从业人员 ${text(b.employees)} 人`)),
        ),
        h('div', { className: 'ld-prose' }, p.widgetFor('body')),
      );
    }),
  );
}

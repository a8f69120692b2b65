/**
 * Preview templates for the CMS, built with the `h` and `createClass` Decap exposes on window
 * (no other framework). They mirror the site's markup and classes so /admin/preview.css (the
 * site's global.css) styles them like the real pages.
 */
import { formatDate, formatDateTime, toInstant } from '../lib/dates.ts';
import { t } from '../i18n/t.ts';
import { hastToH, previewTree } from '../lib/preview-markdown.ts';
import type { MessageKey } from '../i18n/zh-CN.ts';

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

const QUESTION_TYPES: Record<string, MessageKey> = {
  single: 'cms.questionType.single',
  multiple: 'cms.questionType.multiple',
  truefalse: 'cms.questionType.truefalse',
};

/** Plain value of a field (Immutable values turned into JS). */
function field(props: PreviewProps, ...path: (string | number)[]): unknown {
  const v = props.entry.getIn(['data', ...path]);
  return v && typeof v === 'object' && 'toJS' in v ? (v as Immutable).toJS() : v;
}
const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' || v instanceof Date ? String(v) : v ? JSON.stringify(v) : '';
const questionType = (type: unknown): string => {
  const key = QUESTION_TYPES[text(type)];
  return key ? t(key) : '';
};

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
  return building ? t('cms.preview.stationName', { building: text(building) }) : id;
}

export function registerPreviews(cms: Registry, { h, createClass }: DecapGlobals): void {
  // The body through the site's sanitiser, never Decap's unsanitised Markdown preview.
  const body = (props: PreviewProps) => hastToH(previewTree(text(field(props, 'body'))), h);
  const meta = (items: [string, string][]) =>
    h('dl', { className: 'ld-meta' }, ...items.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
  const tags = (props: PreviewProps) => {
    const list = (field(props, 'tags') as string[] | undefined) ?? [];
    return list.length ? h('ul', { className: 'ld-tags' }, ...list.map((tag) => h('li', { className: 'ld-tag' }, tag))) : null;
  };
  const article = (props: PreviewProps, kicker: string, details: [string, string][], ...extra: Child[]) =>
    h(
      'main',
      { id: 'main', className: 'ld-container cms-preview' },
      h(
        'article',
        null,
        h('p', { className: 'cms-preview-kicker' }, kicker),
        h('h1', null, text(field(props, 'title')) || t('cms.preview.untitled')),
        meta(details),
        field(props, 'summary') ? h('p', { className: 'cms-preview-summary' }, text(field(props, 'summary'))) : null,
        ...extra,
        h('div', { className: 'ld-prose' }, ...body(props)),
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
        text(field(p, 'category')) || t('cms.preview.newsKicker'),
        [
          [t('meta.published'), when(field(p, 'published'), true)],
          [t('cms.preview.stationKicker'), stationLabel(p) || t('cms.preview.districtWide')],
          [t('meta.author'), text(field(p, 'author'))],
          [t('meta.source'), text(field(p, 'source'))],
        ],
        cover ? h('figure', null, h('img', { src: p.getAsset(cover)?.toString() ?? cover, alt: text(field(p, 'coverAlt')) })) : null,
      );
    }),
  );
  cms.registerPreviewTemplate(
    'activities',
    simple((p) =>
      article(p, field(p, 'cancelled') ? t('cms.preview.activityCancelledKicker') : t('cms.preview.activityKicker'), [
        [t('activities.start'), when(field(p, 'start'), true)],
        [t('activities.end'), when(field(p, 'end'), true)],
        [t('activities.place'), text(field(p, 'place'))],
        [t('cms.preview.stationKicker'), stationLabel(p)],
        [t('activities.kind'), text(field(p, 'kind'))],
        [t('activities.audience'), text(field(p, 'audience'))],
        [t('activities.signup'), text(field(p, 'signup'))],
      ]),
    ),
  );
  cms.registerPreviewTemplate(
    'theory',
    simple((p) =>
      article(p, t('cms.preview.theoryKicker'), [
        [t('meta.published'), when(field(p, 'published'), true)],
        [t('meta.author'), text(field(p, 'author'))],
        [t('meta.source'), text(field(p, 'source'))],
      ]),
    ),
  );
  cms.registerPreviewTemplate(
    'lessons',
    simple((p) => {
      const quiz = (field(p, 'quiz') as { question?: string; type?: string; options?: string[]; answer?: number[]; explanation?: string }[] | undefined) ?? [];
      const quizBlock = quiz.length
        ? h(
            'section',
            { className: 'ld-card cms-preview-quiz', 'aria-labelledby': 'cms-quiz' },
            h('h2', { id: 'cms-quiz' }, t('cms.preview.quiz', { count: quiz.length })),
            h(
              'ol',
              null,
              ...quiz.map((q) =>
                h(
                  'li',
                  null,
                  h('p', null, t('cms.preview.question', { question: text(q.question), type: questionType(q.type) })),
                  h(
                    'ol',
                    { type: 'A' },
                    ...(q.options ?? []).map((o, i) =>
                      h('li', { className: q.answer?.includes(i) ? 'is-answer' : '' }, o, q.answer?.includes(i) ? t('cms.preview.correct') : ''),
                    ),
                  ),
                  q.explanation ? h('p', { className: 'ld-meta' }, t('school.explanation', { text: q.explanation })) : null,
                ),
              ),
            ),
          )
        : null;
      return h(
        'main',
        { id: 'main', className: 'ld-container cms-preview' },
        h('p', { className: 'cms-preview-kicker' }, t('cms.preview.lessonKicker', { order: text(field(p, 'order')) })),
        h('h1', null, text(field(p, 'title')) || t('cms.preview.untitled')),
        meta([[t('cms.preview.minutes'), field(p, 'minutes') ? t('cms.preview.minutesValue', { minutes: text(field(p, 'minutes')) }) : '']]),
        h('p', { className: 'cms-preview-summary' }, text(field(p, 'summary'))),
        h('div', { className: 'ld-prose' }, ...body(p)),
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
        h('p', { className: 'cms-preview-kicker' }, t('cms.preview.stationKicker')),
        h('h1', null, main ? t('cms.preview.stationName', { building: main }) : t('cms.preview.needBuilding')),
        meta([
          [t('stations.address'), text(field(p, 'contact', 'address'))],
          [t('stations.phone'), text(field(p, 'contact', 'phone'))],
          [t('stations.hours'), text(field(p, 'contact', 'hours'))],
          [t('stations.services'), ((field(p, 'services') as string[] | undefined) ?? []).join('、')],
        ]),
        h(
          'ul',
          { className: 'ld-list' },
          ...buildings.map((b) =>
            h('li', null, t('cms.preview.building', { name: text(b.name), area: text(b.area), companies: text(b.companies), employees: text(b.employees) })),
          ),
        ),
        h('div', { className: 'ld-prose' }, ...body(p)),
      );
    }),
  );
  cms.registerPreviewTemplate(
    'topics',
    simple((p) => {
      const banner = text(field(p, 'banner'));
      const end = field(p, 'end');
      return article(
        p,
        t('cms.preview.topicKicker'),
        [
          [t('cms.preview.topicStart'), when(field(p, 'start'), false)],
          [t('cms.preview.topicEnd'), end ? when(end, false) : t('cms.preview.topicOpen')],
        ],
        banner ? h('figure', null, h('img', { src: p.getAsset(banner)?.toString() ?? banner, alt: text(field(p, 'bannerAlt')) })) : null,
      );
    }),
  );
}

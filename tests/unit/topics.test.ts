import { describe, expect, it } from 'vitest';
import {
  gatherTopic,
  membershipKey,
  needsSectionPages,
  topicEndsAt,
  topicMembership,
  topicPhase,
  topicsByPhase,
  TOPIC_PREVIEW,
  type Gatherable,
  type TopicFacts,
} from '../../src/lib/topics.ts';
import { topicFeedItems } from '../../src/lib/feeds/topic-feed.ts';
import { toInstant } from '../../src/lib/dates.ts';

/** A Beijing day or time, as an editor writes it. */
const bj = (s: string) => toInstant(s)!;
const topic = (over: Partial<TopicFacts> = {}): TopicFacts => ({ id: 't', start: bj('2026-03-01'), tags: [], picks: [], ...over });
const item = (section: Gatherable['section'], id: string, date: string | undefined, tags: string[] = []): Gatherable => ({
  section,
  id,
  date: date === undefined ? undefined : bj(date),
  tags,
});

describe('topicPhase: a topic runs from the start of its first day to the end of its last (Beijing time)', () => {
  const t = topic({ start: bj('2026-03-01'), end: bj('2026-06-30') });
  it.each([
    ['the evening before the start', '2026-02-28 23:59', 'upcoming'],
    ['midnight of the first day', '2026-03-01 00:00', 'current'],
    ['the last evening of the last day', '2026-06-30 23:59', 'current'],
    ['midnight after the last day', '2026-07-01 00:00', 'ended'],
  ])('%s → %s', (_, now, phase) => expect(topicPhase(t, bj(now))).toBe(phase));

  it('an open-ended topic never ends', () => {
    expect(topicPhase(topic({ end: undefined }), bj('2099-01-01'))).toBe('current');
    expect(topicEndsAt(topic())).toBeUndefined();
  });

  it('the last day counts whole: the topic is over at the next day’s 00:00 +08:00', () => {
    expect(topicEndsAt(topic({ end: bj('2026-06-30') }))?.toISOString()).toBe('2026-06-30T16:00:00.000Z');
  });
});

describe('topicsByPhase orders each phase for the reader', () => {
  const now = bj('2026-11-30 12:00');
  const list = [
    topic({ id: 'old-ended', start: bj('2025-01-01'), end: bj('2025-03-01') }),
    topic({ id: 'recent-ended', start: bj('2026-01-01'), end: bj('2026-06-30') }),
    topic({ id: 'older-current', start: bj('2026-05-01') }),
    topic({ id: 'newer-current', start: bj('2026-10-01'), end: bj('2027-01-31') }),
    topic({ id: 'later', start: bj('2027-03-01') }),
    topic({ id: 'sooner', start: bj('2026-12-15') }),
  ];
  const phases = topicsByPhase(list, now);
  it('current: newest start first', () => expect(phases.current.map((t) => t.id)).toEqual(['newer-current', 'older-current']));
  it('upcoming: soonest first', () => expect(phases.upcoming.map((t) => t.id)).toEqual(['sooner', 'later']));
  it('ended: most recently ended first', () => expect(phases.ended.map((t) => t.id)).toEqual(['recent-ended', 'old-ended']));
});

describe('gatherTopic', () => {
  const items = [
    item('news', 'n-old', '2025-05-01', ['青年']),
    item('news', 'n-new', '2026-05-01', ['读书']),
    item('news', 'n-other', '2026-05-02', ['安全']),
    item('news', 'n-picked', '2024-01-01', ['安全']),
    item('theory', 'th', '2026-01-01', ['青年']),
    item('lessons', 'l-1', undefined),
    item('lessons', 'l-2', undefined),
    item('diary', 'd-late', '2026-08-01', ['青年']),
    item('diary', 'd', '2026-04-01', ['青年', '读书']),
    item('activities', 'a', '2026-02-01', ['读书']),
  ];

  it('groups by section in the fixed section order, leaving empty sections out', () => {
    const groups = gatherTopic(topic({ tags: ['青年', '读书'] }), items);
    expect(groups.map((g) => g.section)).toEqual(['news', 'theory', 'activities', 'diary']);
  });

  it('puts hand-picked entries first in the editor’s order, then tagged ones newest first', () => {
    const t = topic({
      tags: ['青年', '读书'],
      picks: [
        { section: 'news', id: 'n-picked' },
        { section: 'news', id: 'n-old' },
      ],
    });
    expect(gatherTopic(t, items)[0]!.items.map((i) => i.id)).toEqual(['n-picked', 'n-old', 'n-new']);
  });

  it('gathers an entry once even when it is picked and tagged, or carries two of the tags', () => {
    const t = topic({
      tags: ['青年', '读书'],
      picks: [
        { section: 'diary', id: 'd' },
        { section: 'diary', id: 'd' },
      ],
    });
    const diary = gatherTopic(t, items).find((g) => g.section === 'diary')!;
    expect(diary.items.map((i) => i.id)).toEqual(['d', 'd-late']);
  });

  it('gathers lessons (which have no tags) by hand, in the order picked', () => {
    const t = topic({
      picks: [
        { section: 'lessons', id: 'l-2' },
        { section: 'lessons', id: 'l-1' },
      ],
    });
    expect(gatherTopic(t, items)).toEqual([{ section: 'lessons', items: [items[6], items[5]] }]);
  });

  it('skips a pick naming an unknown entry (the validator reports it)', () => {
    expect(gatherTopic(topic({ picks: [{ section: 'news', id: 'gone' }] }), items)).toEqual([]);
  });

  it('an ended topic gathers by tag only what was dated before it was over', () => {
    const t = topic({ tags: ['青年'], end: bj('2026-06-30') });
    const ids = gatherTopic(t, items).flatMap((g) => g.items.map((i) => i.id));
    expect(ids).toEqual(['n-old', 'th', 'd']);
    expect(ids).not.toContain('d-late');
  });

  it('but keeps a hand-picked entry from after its end', () => {
    const t = topic({ end: bj('2026-06-30'), picks: [{ section: 'diary', id: 'd-late' }] });
    expect(gatherTopic(t, items)[0]!.items.map((i) => i.id)).toEqual(['d-late']);
  });

  it('a topic whose tags match nothing gathers nothing', () => expect(gatherTopic(topic({ tags: ['无'] }), items)).toEqual([]));
});

describe('topicMembership links an entry back to every topic gathering it', () => {
  const items = [item('news', 'n', '2026-05-01', ['青年']), item('diary', 'd', '2026-05-01', [])];
  const a = { id: 'a', groups: gatherTopic(topic({ tags: ['青年'] }), items) };
  const b = {
    id: 'b',
    groups: gatherTopic(
      topic({
        picks: [
          { section: 'news', id: 'n' },
          { section: 'diary', id: 'd' },
        ],
      }),
      items,
    ),
  };
  const m = topicMembership([a, b]);
  it('an entry in two topics names both, in the given order', () => expect(m.get(membershipKey('news', 'n'))).toEqual(['a', 'b']));
  it('an entry in one topic names it', () => expect(m.get(membershipKey('diary', 'd'))).toEqual(['b']));
  it('the same id in another section is another entry', () => expect(m.get(membershipKey('theory', 'n'))).toBeUndefined());
});

describe('long sections get pages of their own', () => {
  const many = (n: number) => ({ section: 'news' as const, items: Array.from({ length: n }, (_, i) => i) });
  it.each([
    [TOPIC_PREVIEW, false],
    [TOPIC_PREVIEW + 1, true],
  ])('%i entries → own pages: %s', (n, expected) => expect(needsSectionPages(many(n))).toBe(expected));
});

describe('topicFeedItems', () => {
  it('lists every gathered entry; an undated lesson takes the topic’s start as its date', () => {
    const start = bj('2026-09-01');
    const groups = [
      { section: 'news' as const, items: [{ ...item('news', 'n', '2026-10-01', ['青年']), title: '新闻', href: '/news/n/', summary: '摘要' }] },
      { section: 'lessons' as const, items: [{ ...item('lessons', 'l', undefined), title: '课', href: '/school/c/l/' }] },
    ];
    expect(topicFeedItems({ start, groups })).toEqual([
      { title: '新闻', link: '/news/n/', pubDate: bj('2026-10-01'), description: '摘要', categories: ['青年'] },
      { title: '课', link: '/school/c/l/', pubDate: start, description: '课', categories: [] },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { CMS_COLLECTIONS } from '../../src/lib/schema/cms.ts';
import { dropEmpty, fillSlug, safeUploadName, uniqueSlug } from '../../src/lib/schema/cms-naming.ts';
import { ENTRY_ID_RE } from '../../src/lib/slugs.ts';

// 2026-11-27 18:30:05 Beijing time.
const now = new Date('2026-11-27T10:30:05Z');
const slugOf = (collection: keyof typeof CMS_COLLECTIONS, data: Record<string, unknown>) => fillSlug(CMS_COLLECTIONS[collection].slug!, data, now);

describe('new entries get ASCII file names that are never empty', () => {
  it.each([
    ['news', { title: '领秀大厦工作站召开联席会议', published: '2026-11-20 09:30' }, '2026-11-20-0930'],
    ['news', { title: '', published: '2026-11-20 09:30' }, '2026-11-20-0930'],
    ['theory', { title: '学习札记', published: '2026-01-05 18:00' }, '2026-01-05-1800'],
    ['activities', { title: '政策解读会', start: '2026-12-05 14:00', station: 'lingxiu' }, '2026-12-05-lingxiu'],
    ['diary', { title: '走访企业', date: '2026-11-18', station: 'wanshang' }, '2026-11-18-wanshang'],
    ['exchange', { title: '需求台账', published: '2026-11-15 10:00', station: 'xiaoshan' }, '2026-11-15-xiaoshan'],
    ['lessons', { title: '第二课', course: 'xinren-peixun', order: 2 }, 'xinren-peixun-2'],
    ['exams', { title: '结业考试', course: 'xinren-peixun' }, 'xinren-peixun'],
    ['streets', { name: '古城街道' }, 'street-20261127-103005'],
    ['stations', { buildings: [{ name: '银杏大厦' }] }, 'station-20261127-103005'],
    ['topics', { title: '楼宇青年学习季' }, 'topic-20261127-103005'],
  ] as const)('%s %j → %s', (collection, data, expected) => {
    const slug = slugOf(collection, data);
    expect(slug).toBe(expected);
    expect(slug).toMatch(ENTRY_ID_RE);
  });

  it('never uses the Chinese title', () => {
    for (const [name, s] of Object.entries(CMS_COLLECTIONS)) {
      if (s.slug) expect(s.slug, name).not.toMatch(/\{\{\s*(title|slug)\s*\}\}/);
    }
  });
});

describe('a name that is taken gets the next free suffix, as Decap does', () => {
  it.each([
    [[], '2026-11-20-0930'],
    [['2026-11-20-0930'], '2026-11-20-0930-1'],
    [['2026-11-20-0930', '2026-11-20-0930-1'], '2026-11-20-0930-2'],
    [['2026-11-20-0930-1'], '2026-11-20-0930'],
  ])('taken %j → %s', (taken, expected) => {
    expect(uniqueSlug('2026-11-20-0930', new Set(taken))).toBe(expected);
  });

  it('two news items with the same title at the same minute get two files', () => {
    const data = { title: '同一标题', published: '2026-11-20 09:30' };
    const first = uniqueSlug(slugOf('news', data), new Set());
    const second = uniqueSlug(slugOf('news', data), new Set([first]));
    expect(first).not.toBe(second);
    expect(second).toMatch(ENTRY_ID_RE);
  });
});

describe('uploads get safe ASCII names that do not replace each other', () => {
  it.each([
    ['封面.JPG', 'tupian-20261127-183005.jpg'],
    ['新址 照片.png', 'tupian-20261127-183005.png'],
    ['Meeting Photo 1.jpeg', 'meeting-photo-1-20261127-183005.jpeg'],
    ['领秀lingxiu大厦.webp', 'lingxiu-20261127-183005.webp'],
    ['.hidden', 'hidden-20261127-183005'],
    ['café.png', 'cafe-20261127-183005.png'],
  ])('%s → %s', (name, expected) => {
    expect(safeUploadName(name, now)).toBe(expected);
  });

  it('a later upload of the same Chinese name gets another name', () => {
    expect(safeUploadName('封面.jpg', now)).not.toBe(safeUploadName('封面.jpg', new Date(now.getTime() + 1000)));
  });
});

/** Enough of an Immutable map for the admin's preSave: a value that `deleteIn` copies. */
class Persistent {
  readonly #value: unknown;
  constructor(value: unknown) {
    this.#value = value;
  }
  toJS(): unknown {
    return structuredClone(this.#value);
  }
  deleteIn(path: (string | number)[]): Persistent {
    const copy = this.toJS() as Record<string | number, unknown>;
    let parent = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    delete parent[path[path.length - 1]!];
    return new Persistent(copy);
  }
}

describe('fields an editor emptied are dropped before saving', () => {
  it.each([
    [{ title: 'a', station: '' }, { title: 'a' }],
    [{ title: 'a', video: { src: '', captions: '', description: '' } }, { title: 'a' }],
    [
      { title: 'a', contact: { phone: '1', group: '' } },
      { title: 'a', contact: { phone: '1' } },
    ],
    [
      { tags: [], quiz: [{ question: 'q', explanation: '' }] },
      { tags: [], quiz: [{ question: 'q' }] },
    ],
    [
      { founded: null, draft: false, order: 0 },
      { draft: false, order: 0 },
    ],
  ])('%j → %j', (input, expected) => {
    const original = new Persistent(input);
    expect(dropEmpty(original).toJS()).toEqual(expected);
    expect(original.toJS()).toEqual(input);
  });
});

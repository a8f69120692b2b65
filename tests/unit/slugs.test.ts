import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, EXCHANGE_TOPICS, NEWS_CATEGORIES } from '../../src/lib/schema/enums.ts';
import { CATEGORY_SLUGS, KIND_SLUGS, TOPIC_SLUGS, fromSlug, tagSlug, tagSlugs } from '../../src/lib/slugs.ts';

describe.each([
  ['news categories', NEWS_CATEGORIES, CATEGORY_SLUGS],
  ['activity kinds', ACTIVITY_KINDS, KIND_SLUGS],
  ['exchange topics', EXCHANGE_TOPICS, TOPIC_SLUGS],
] as const)('%s', (_, values, map) => {
  const slugs = values.map((v) => (map as Record<string, string>)[v]);
  it('every value has a lower-case ASCII slug', () => slugs.forEach((s) => expect(s).toMatch(/^[a-z][a-z0-9-]*$/)));
  it('slugs are unique', () => expect(new Set(slugs).size).toBe(values.length));
  it('round-trips through fromSlug', () => values.forEach((v) => expect(fromSlug(map as Record<string, string>, (map as Record<string, string>)[v]!)).toBe(v)));
});

describe('tagSlug', () => {
  it.each([['联席会议'], ['政策解读'], ['a b']])('%s gives an ASCII slug', (tag) => expect(tagSlug(tag)).toMatch(/^t-[0-9a-f]{8}$/));
  it('is deterministic and ignores surrounding spaces', () => expect(tagSlug(' 联席会议 ')).toBe(tagSlug('联席会议')));
  it('differs for different tags', () => expect(tagSlug('政策')).not.toBe(tagSlug('政策解读')));
  it('knows a fixed value (guards against silent changes of published addresses)', () => expect(tagSlug('a')).toBe('t-e40c292c'));
  it('tagSlugs maps slugs back to tags', () => expect(tagSlugs(['走访', '走访', '政策']).get(tagSlug('政策'))).toBe('政策'));
});

import { describe, expect, it } from 'vitest';
import { mergeFeedItems, type FeedItem } from '../../src/lib/feeds.ts';

const item = (link: string, iso: string): FeedItem => ({ title: link, link, pubDate: new Date(iso), description: '' });

describe('mergeFeedItems', () => {
  const news = [item('/news/b/', '2026-11-20T00:00:00Z'), item('/news/a/', '2026-01-01T00:00:00Z')];
  const diary = [item('/diary/x/', '2026-11-25T00:00:00Z'), item('/diary/y/', '2026-11-20T00:00:00Z')];
  it('merges lists newest first, ties by link', () => {
    expect(mergeFeedItems([news, diary]).map((i) => i.link)).toEqual(['/diary/x/', '/diary/y/', '/news/b/', '/news/a/']);
  });
  it('keeps at most the limit', () => expect(mergeFeedItems([news, diary], 2).map((i) => i.link)).toEqual(['/diary/x/', '/diary/y/']));
  it('is empty for no items', () => expect(mergeFeedItems([[], []])).toEqual([]));
});

import { describe, expect, it } from 'vitest';
import { escapeXml, feedSafeItem, mergeFeedItems, textOfHtml, xmlSafe, type FeedItem } from '../../src/lib/feeds/feeds.ts';

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

describe('xmlSafe', () => {
  it.each([
    ['C0 controls but tab, LF and CR', 'a\u0000b\u0007c\u001bd\te\nf\rg', 'abcd\te\nf\rg'],
    ['DEL and non-characters', 'a\u007fb\ufffec\uffff', 'abc'],
    ['a lone surrogate', 'a\ud800b\udc00c', 'abc'],
    ['an emoji (a valid pair)', '好😀', '好😀'],
  ])('removes %s', (_, input, expected) => expect(xmlSafe(input)).toBe(expected));
});

describe('escapeXml', () => {
  it('escapes markup, quotes and ampersands, so a value can never open an element', () => {
    expect(escapeXml(`A&B <x:script xmlns:x="http://www.w3.org/1999/xhtml">'1'</x:script>\u0001`)).toBe(
      'A&amp;B &lt;x:script xmlns:x=&quot;http://www.w3.org/1999/xhtml&quot;&gt;&apos;1&apos;&lt;/x:script&gt;',
    );
  });
});

describe('textOfHtml', () => {
  it.each([
    ['tags dropped, entities decoded, spaces collapsed', '<p>第一段 &amp; <strong>重点</strong></p>\n<p>&lt;script&gt;</p>', 200, '第一段 & 重点 <script>'],
    ['cut by characters with an ellipsis', '<p>党建日记党建日记</p>', 4, '党建日记…'],
    ['code points, not UTF-16 units', '<p>😀😀😀</p>', 2, '😀😀…'],
    ['empty for no text', '<img src="/a.png" alt="">', 10, ''],
  ])('%s', (_, html, max, expected) => expect(textOfHtml(html, max)).toBe(expected));
});

describe('feedSafeItem', () => {
  it('HTML-escapes the description once, so readers show markup as text', () => {
    const safe = feedSafeItem({
      title: '标题\u0000',
      link: '/news/a/',
      pubDate: new Date(0),
      description: '<img src=x onerror=alert(1)> & 说明',
      categories: ['标\u0007签'],
    });
    expect(safe).toEqual({
      title: '标题',
      link: '/news/a/',
      pubDate: new Date(0),
      description: '&lt;img src=x onerror=alert(1)&gt; &amp; 说明',
      categories: ['标签'],
    });
  });
});

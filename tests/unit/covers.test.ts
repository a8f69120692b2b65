import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { absoluteAsset, COVER_VARIANTS, coverWidths, loadingAttributes } from '../../src/lib/covers.ts';
import { makeSchemas } from '../../src/lib/schema/schema.ts';

describe.each([
  // name, original width, wanted, expected
  ['keeps every width a large picture can give, smallest first', 1600, [1440, 480, 720], [480, 720, 1440]],
  ['never upscales: drops widths larger than the picture', 800, [480, 720, 1080, 1440], [480, 720]],
  ['keeps a width equal to the picture', 720, [480, 720, 1080], [480, 720]],
  ['falls back to the picture itself when it is smaller than every width', 300, [480, 720], [300]],
  ['drops duplicates and non-positive widths', 1000, [480, 480, 0, -5], [480]],
])('coverWidths: %s', (_name, original, wanted, expected) => {
  it('returns the expected widths', () => expect(coverWidths(original, wanted)).toEqual(expected));
});

describe('cover variants', () => {
  it.each(Object.entries(COVER_VARIANTS))('%s thumbnails are 16:9 and offer at least 2× density', (name, spec) => {
    if (!spec.box) return expect(name).toBe('hero');
    expect(spec.box.width * 9).toBe(spec.box.height * 16);
    expect(Math.max(...spec.widths)).toBeGreaterThanOrEqual(spec.box.width * 2);
  });

  it('loads the hero at once with high priority and every thumbnail lazily', () => {
    expect(loadingAttributes(COVER_VARIANTS.hero)).toEqual({ loading: 'eager', decoding: 'async', fetchpriority: 'high' });
    expect(loadingAttributes(COVER_VARIANTS.thumb)).toEqual({ loading: 'lazy', decoding: 'async' });
    expect(loadingAttributes(COVER_VARIANTS.mini)).toEqual({ loading: 'lazy', decoding: 'async' });
  });
});

describe('absoluteAsset', () => {
  it.each([
    ['/_astro/a.B1.jpeg', 'https://louyu.example.gov.cn', 'https://louyu.example.gov.cn/_astro/a.B1.jpeg'],
    ['/_astro/a.B1.jpeg', new URL('https://example.org/'), 'https://example.org/_astro/a.B1.jpeg'],
  ])('%s on %s', (src, site, expected) => expect(absoluteAsset(src, site)).toBe(expected));

  it('refuses to guess when the site address is unknown', () => {
    expect(() => absoluteAsset('/_astro/a.jpeg', undefined)).toThrow(/site/);
  });
});

describe('news schema: a cover needs its description', () => {
  const { news } = makeSchemas({ ref: () => z.string(), image: () => z.string() });
  const base = { title: '标题', published: '2026-11-20 09:30', category: '党建动态', summary: '摘要。' };

  it.each([
    ['no cover, no description', {}, true],
    ['cover with description', { cover: '../media/a.jpg', coverAlt: '插画：一座楼' }, true],
    ['description without cover', { coverAlt: '插画：一座楼' }, true],
    ['cover without description', { cover: '../media/a.jpg' }, false],
    ['cover with a blank description', { cover: '../media/a.jpg', coverAlt: '   ' }, false],
  ])('%s', (_name, extra, ok) => {
    const result = news.safeParse({ ...base, ...extra });
    expect(result.success).toBe(ok);
    if (!result.success) expect(result.error.issues.map((i) => i.path.join('.'))).toEqual(['coverAlt']);
  });
});

/** Picture limits: sizes read from headers, refused past 12,000 px a side or 40 megapixels. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMAGE_LIMITS, imageDimensions, imageSizeProblemOf } from '../../src/lib/image-limits.ts';

describe('image limits', () => {
  it('reads width and height from a header without decoding the picture', () => {
    expect(imageDimensions(readFileSync('tests/fixtures/bad-content/upload-too-large/public/media/uploads/huge-upload.png'))).toEqual({
      width: 17000,
      height: 17000,
    });
    expect(imageDimensions(readFileSync('tests/fixtures/content-min/media/zhuanti.jpg'))?.width).toBeGreaterThan(0);
    expect(imageDimensions(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });

  it.each([
    [{ width: 17000, height: 17000 }, '17000×17000（289.0 百万像素）过大'],
    [{ width: 20000, height: 100 }, '20000×100'],
    [{ width: 8000, height: 6000 }, '48.0 百万像素'],
  ])('refuses %j', (size, message) => expect(imageSizeProblemOf(size)).toContain(message));

  it.each([[{ width: IMAGE_LIMITS.side, height: 3000 }], [{ width: 7700, height: 5194 }]])('accepts %j', (size) =>
    expect(imageSizeProblemOf(size)).toBeUndefined(),
  );

  it('leaves an unreadable size to the type check', () => expect(imageSizeProblemOf(undefined)).toBeUndefined());
});

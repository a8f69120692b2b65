import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/lib/qr.ts';

describe('qrSvg', () => {
  it('returns a standalone SVG with dark modules', async () => {
    const svg = await qrSvg('https://louyu.example.gov.cn/news/a/');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('#000000');
  });
  it('hides the drawing from assistive technology: the named box around it is the one image', async () => {
    const svg = await qrSvg('https://louyu.example.gov.cn/news/a/');
    expect(svg).toMatch(/^<svg aria-hidden="true" focusable="false"[ >]/);
  });
  it('differs for different addresses', async () => {
    expect(await qrSvg('https://louyu.example.gov.cn/a/')).not.toBe(await qrSvg('https://louyu.example.gov.cn/b/'));
  });
});

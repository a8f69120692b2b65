/**
 * Upload checks: only raster images (and lesson video with captions where allowed), the content
 * sniffed against the extension, safe file names. Anything else is refused with a reason.
 */
import { describe, expect, it } from 'vitest';
import { isAcceptedUploadName, isRasterImagePath, sniff, uploadProblem } from '../../src/lib/uploads.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)).concat(Array(16).fill(0)));
const JPG = bytes([0xff, 0xd8, 0xff, 0xe0]);
const PNG = bytes([0x89], 'PNG\r\n\x1a\n');
const GIF = bytes('GIF89a');
const WEBP = bytes('RIFF', [0, 0, 0, 0], 'WEBP');
const AVIF = bytes([0, 0, 0, 0x1c], 'ftypavif');
const MP4 = bytes([0, 0, 0, 0x18], 'ftypisom');
const WEBM = bytes([0x1a, 0x45, 0xdf, 0xa3]);
const VTT = bytes('WEBVTT\n');
const SVG = bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">');
const HTML = bytes('<!doctype html><script>');

describe('sniff', () => {
  it.each([
    ['jpg', JPG],
    ['png', PNG],
    ['gif', GIF],
    ['webp', WEBP],
    ['avif', AVIF],
    ['mp4', MP4],
    ['webm', WEBM],
    ['vtt', VTT],
  ])('recognises %s by its first bytes', (kind, b) => expect(sniff(b)).toBe(kind));
  it.each([
    ['SVG', SVG],
    ['HTML', HTML],
    ['empty', new Uint8Array(0)],
  ])('recognises nothing in %s', (_, b) => expect(sniff(b)).toBeUndefined());
});

describe.each([
  // name, content, video allowed, expected (undefined = accepted)
  ['photo.jpg', JPG, false, undefined],
  ['photo.JPEG', JPG, false, undefined],
  ['会议现场.png', PNG, false, undefined],
  ['a.webp', WEBP, false, undefined],
  ['a.avif', AVIF, false, undefined],
  ['a.gif', GIF, false, undefined],
  ['lesson.mp4', MP4, true, undefined],
  ['lesson.webm', WEBM, true, undefined],
  ['lesson.zh-CN.vtt', VTT, true, undefined],
  ['lesson.mp4', MP4, false, '不接受 .mp4 文件'],
  ['logo.svg', SVG, false, '不接受 .svg 文件'],
  ['page.html', HTML, true, '不接受 .html 文件'],
  ['feed.xml', bytes('<?xml version="1.0"?>'), true, '不接受 .xml 文件'],
  ['app.js', bytes('alert(1)'), true, '不接受 .js 文件'],
  ['noextension', JPG, false, '不接受 无扩展名的文件'],
  ['photo.jpg', HTML, false, '文件内容与扩展名 .jpg 不符'],
  ['photo.png', JPG, false, '文件内容与扩展名 .png 不符（实际是 jpg）'],
  ['captions.vtt', HTML, true, '文件内容与扩展名 .vtt 不符'],
  ['a b.jpg', JPG, false, '文件名“a b.jpg”不合规'],
  ['a"onerror=x.jpg', JPG, false, '不合规'],
  ['.htaccess', bytes('x'), false, '不合规'],
  ['<script>.jpg', JPG, false, '不合规'],
] as const)('uploadProblem(%j)', (name, content, video, expected) => {
  it(expected === undefined ? 'accepts it' : `refuses it: ${expected}`, () => {
    const problem = uploadProblem(name, content, video);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(expected);
  });
});

describe('names', () => {
  it.each([
    ['a.jpg', true],
    ['a.MP4', true],
    ['a.vtt', true],
    ['a.svg', false],
    ['a.html', false],
    ['a', false],
  ])('isAcceptedUploadName(%j) is %s', (name, ok) => expect(isAcceptedUploadName(name)).toBe(ok));
  it.each([
    ['../media/a.jpg', true],
    ['../media/a.svg', false],
    ['a.AVIF', true],
  ])('isRasterImagePath(%j) is %s', (p, ok) => expect(isRasterImagePath(p)).toBe(ok));
});

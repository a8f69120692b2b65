/**
 * What the uploads folders may hold. An uploaded SVG, HTML or XML file is a document that runs
 * script from the site's origin (which is also /admin's), so only the types the site uses are
 * accepted: raster images everywhere, and mp4/webm video with WebVTT captions where lessons need
 * them. A file's content is sniffed against its extension (magic bytes), so `evil.html` renamed
 * to `photo.jpg` is refused too.
 */

/** Image types, by extension. */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif'] as const;
/** Lesson video and captions, by extension. */
export const VIDEO_EXTENSIONS = ['mp4', 'webm', 'vtt'] as const;

/** The upload folders: images only under content/media, video too under public/media. */
export const UPLOAD_FOLDERS = {
  /** News covers, relative to the content root (Astro optimises them). */
  content: 'media',
  /** Decap's global uploads (public/media/uploads) and lesson video (public/media/school). */
  public: 'media',
} as const;

/** A safe upload name: letters (Chinese included), digits, dot, hyphen, underscore; no leading dot. */
const NAME_RE = /^[\p{L}\p{N}_-][\p{L}\p{N}._-]*$/u;

type Kind = 'jpg' | 'png' | 'gif' | 'webp' | 'avif' | 'mp4' | 'webm' | 'vtt';

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** The type a file's first bytes show, or undefined when it is none the site accepts. */
export function sniff(bytes: Uint8Array): Kind | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    return brand === 'avif' || brand === 'avis' ? 'avif' : 'mp4';
  }
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm';
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(ascii(bytes, start, start + 7))) return 'vtt';
  return undefined;
}

/**
 * Why an upload is refused, or undefined when it is fine. `name` is the file name, `bytes` (at
 * least the first 16) its content, `video` whether the folder may hold video and captions.
 */
export function uploadProblem(name: string, bytes: Uint8Array, video: boolean): string | undefined {
  if (!NAME_RE.test(name)) return `文件名“${name}”不合规：只能用文字、数字、点、连字符和下划线，且不能以点开头`;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const allowed: readonly string[] = video ? [...IMAGE_EXTENSIONS, ...VIDEO_EXTENSIONS] : IMAGE_EXTENSIONS;
  if (!allowed.includes(ext)) {
    return `不接受 ${ext ? `.${ext} ` : '无扩展名的'}文件：这里只能上传 ${allowed.join('、')}`;
  }
  const kind = sniff(bytes);
  const expected = ext === 'jpeg' ? 'jpg' : ext;
  if (kind !== expected) return `文件内容与扩展名 .${ext} 不符${kind ? `（实际是 ${kind}）` : ''}，请上传真正的 ${ext} 文件`;
  return undefined;
}

/** Whether a file chosen in the CMS has an extension some upload folder accepts (images, video, captions). */
export function isAcceptedUploadName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return ([...IMAGE_EXTENSIONS, ...VIDEO_EXTENSIONS] as readonly string[]).includes(ext);
}

/** Whether an image path (a cover) names a raster type the site accepts. */
export function isRasterImagePath(p: string): boolean {
  const ext = p.slice(p.lastIndexOf('.') + 1).toLowerCase();
  return (IMAGE_EXTENSIONS as readonly string[]).includes(ext);
}

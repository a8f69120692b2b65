/**
 * How large a picture the site publishes. A 17,000 × 17,000 PNG of 275 KB passed once: Sharp
 * refused to process it, Astro published the raw file, and every reader's phone had to decode
 * 289 megapixels. Width and height are read from the file's header (image-size), never by
 * decoding it. Used by the content check (covers, banners, body images, upload folders) and by
 * the local CMS server (uploads, refused before they are written).
 */
import { imageSize } from 'image-size';

export const IMAGE_LIMITS = {
  /** Pixels in all (40 megapixels: a 7,700 × 5,200 photo). */
  pixels: 40_000_000,
  /** Pixels along either side. */
  side: 12_000,
} as const;

/** Width and height from an image's first bytes (the first megabyte is enough); undefined when unreadable. */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  try {
    const { width, height } = imageSize(bytes);
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

/** Why a picture of this size is refused, or undefined when it is within the limits. */
export function imageSizeProblemOf(size: { width: number; height: number } | undefined): string | undefined {
  if (!size) return undefined;
  const { width, height } = size;
  if (width <= IMAGE_LIMITS.side && height <= IMAGE_LIMITS.side && width * height <= IMAGE_LIMITS.pixels) return undefined;
  return `图片尺寸 ${width}×${height}（${((width * height) / 1_000_000).toFixed(1)} 百万像素）过大：每边不能超过 ${IMAGE_LIMITS.side} 像素，总计不能超过 ${IMAGE_LIMITS.pixels / 1_000_000} 百万像素，请缩小后再上传`;
}

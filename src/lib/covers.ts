/**
 * How news covers are cut for each place they appear: the widths Astro's image pipeline
 * generates, the `sizes` hint that lets the browser pick one, the box reserved before the
 * picture loads, and whether it loads at once or lazily.
 */

export type CoverVariant = 'hero' | 'thumb' | 'mini';

export interface CoverSpec {
  /** Widths (CSS pixels × density) to generate for the srcset. */
  widths: readonly number[];
  /** The `sizes` attribute: how wide the picture is shown. */
  sizes: string;
  /** Fixed display box (16:9) for thumbnails; the hero keeps the picture's own proportions. */
  box?: { width: number; height: number };
  /** The hero sits above the fold and is the page's largest paint: load it first. */
  eager: boolean;
}

export const COVER_VARIANTS: Record<CoverVariant, CoverSpec> = {
  // The article's own cover, as wide as the text column (--ld-measure, 42em) or the screen.
  hero: { widths: [480, 720, 1080, 1440], sizes: '(min-width: 45em) 42em, calc(100vw - 2rem)', eager: true },
  // Beside an item in the news list: 8rem wide.
  thumb: { widths: [128, 256, 384], sizes: '8rem', box: { width: 128, height: 72 }, eager: false },
  // Beside a headline on the home page: 5rem wide.
  mini: { widths: [80, 160, 240], sizes: '5rem', box: { width: 80, height: 45 }, eager: false },
};

/** The picture a search result carries (Pagefind's `image` metadata): a small 16:9 cut. */
export const SEARCH_IMAGE = { width: 256, height: 144 } as const;

/** Width of the Open Graph picture: what sharing previews ask for. */
export const OG_IMAGE_WIDTH = 1200;

/**
 * The widths worth generating for a picture `original` pixels wide: never an upscale. When
 * every wanted width is larger than the picture, the picture's own width is the only one.
 */
export function coverWidths(original: number, wanted: readonly number[]): number[] {
  const fitting = [...new Set(wanted)].filter((w) => w > 0 && w <= original).sort((a, b) => a - b);
  return fitting.length > 0 ? fitting : [original];
}

/** The absolute address of a built asset path ("/_astro/x.jpg") on the published site. */
export function absoluteAsset(src: string, site: URL | string | undefined): string {
  if (!site) throw new Error('absoluteAsset: astro.config has no `site`, so asset addresses cannot be absolute');
  return new URL(src, site).href;
}

/** Loading attributes: the hero at once and first, everything else when scrolled near. */
export function loadingAttributes(spec: CoverSpec): { loading: 'eager' | 'lazy'; decoding: 'async'; fetchpriority?: 'high' } {
  return spec.eager ? { loading: 'eager', decoding: 'async', fetchpriority: 'high' } : { loading: 'lazy', decoding: 'async' };
}

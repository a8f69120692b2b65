/**
 * Pagination with stable addresses: pages of a list and the window of page numbers a pager shows.
 * Plain data in, plain data out.
 */
import { pageHref } from '../publishing.ts';

/** Entries per list page. */
export const PAGE_SIZE = 10;

/** One page of a list. */
export interface ListPage<T> {
  items: T[];
  /** 1-based page number. */
  page: number;
  /** Number of pages; at least 1, even for an empty list. */
  pages: number;
  /** Entries in the whole list. */
  total: number;
  /** Address of this page. */
  href: string;
  prevHref?: string;
  nextHref?: string;
}

/** Splits a list into pages; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], base: string, size: number = PAGE_SIZE): ListPage<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => {
    const page = i + 1;
    return {
      items: items.slice(i * size, page * size),
      page,
      pages,
      total: items.length,
      href: pageHref(base, page),
      prevHref: page > 1 ? pageHref(base, page - 1) : undefined,
      nextHref: page < pages ? pageHref(base, page + 1) : undefined,
    };
  });
}

/** A gap in a page window: pages left out between two shown numbers. */
export const PAGE_GAP = 'gap' as const;

/**
 * The page numbers a list page links to: the first and last page, and `around` pages either side
 * of the current one, with a gap where pages are left out (a gap of a single page shows that page
 * instead). A decade's news list has some 1,800 pages; linking every one from every page made
 * each page larger and slower to build as the archive grew (and the build grow with its square).
 */
export function pageWindow(page: number, pages: number, around = 2): (number | typeof PAGE_GAP)[] {
  const shown = new Set<number>([1, pages]);
  for (let n = page - around; n <= page + around; n++) if (n >= 1 && n <= pages) shown.add(n);
  const sorted = [...shown].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const out: (number | typeof PAGE_GAP)[] = [];
  for (const n of sorted) {
    const last = out.at(-1);
    if (typeof last === 'number' && n - last === 2) out.push(last + 1);
    else if (typeof last === 'number' && n - last > 2) out.push(PAGE_GAP);
    out.push(n);
  }
  return out;
}

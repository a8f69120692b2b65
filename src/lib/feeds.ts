/** Merging entries of several collections into one feed. */

export interface FeedItem {
  title: string;
  /** Site-relative or absolute address. */
  link: string;
  pubDate: Date;
  description: string;
  categories?: string[];
}

/** Feed size: enough for a reader that polls weekly, small enough to stay quick. */
export const FEED_LIMIT = 50;

/** Items of several lists, newest first (ties by link, for stable output), at most `limit`. */
export function mergeFeedItems(lists: readonly (readonly FeedItem[])[], limit: number = FEED_LIMIT): FeedItem[] {
  return lists
    .flat()
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.link.localeCompare(b.link))
    .slice(0, limit);
}

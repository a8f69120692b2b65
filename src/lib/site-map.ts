/**
 * The HTML 网站地图 (/sitemap/): groups of links, one group per kind of column. The page lists
 * its groups in one table; a group with nothing in it is left out, so no heading stands alone.
 */
import { SITEMAP_XML_HREF } from './publishing.ts';

export interface SiteMapLink {
  label: string;
  href: string;
}

export interface SiteMapGroup {
  heading: string;
  links: SiteMapLink[];
}

/** Links for a list of entries: label and address from each item, in the given order. */
export function linksOf<T>(items: readonly T[], label: (item: T) => string, href: (item: T) => string): SiteMapLink[] {
  return items.map((item) => ({ label: label(item), href: href(item) }));
}

/** The groups that have links, in the given order. */
export function siteMapGroups(groups: readonly SiteMapGroup[]): SiteMapGroup[] {
  return groups.filter((g) => g.links.length > 0);
}

/** The XML sitemap's address on the published origin (the index @astrojs/sitemap writes). */
export function sitemapXmlUrl(site: URL): string {
  return new URL(SITEMAP_XML_HREF, site).href;
}

/** robots.txt: crawl everything but /admin/ (the CMS and the inspection report); name the XML sitemap. */
export function robotsTxt(site: URL): string {
  return ['User-agent: *', 'Disallow: /admin/', '', `Sitemap: ${sitemapXmlUrl(site)}`, ''].join('\n');
}

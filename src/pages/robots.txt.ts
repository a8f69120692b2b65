/**
 * robots.txt: everything public may be crawled except the CMS, and crawlers are pointed at the
 * XML sitemap that @astrojs/sitemap writes (its index, at the site's published origin).
 */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/site-map.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site ?? new URL('https://louyu.example.gov.cn')), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

import type { MessageKey } from '../i18n/zh-CN.ts';
import {
  ACTIVITIES_BASE,
  DIARY_BASE,
  EXCHANGE_BASE,
  HOME_HREF,
  NEWS_BASE,
  SCHOOL_BASE,
  SEARCH_HREF,
  STATIONS_BASE,
  STATS_BASE,
  THEORY_BASE,
  TOPICS_BASE,
} from './publishing.ts';

/** The main navigation, in order; every section of the site is one entry. */
export const NAV: ReadonlyArray<{ href: string; label: MessageKey }> = [
  { href: HOME_HREF, label: 'nav.home' },
  { href: NEWS_BASE, label: 'nav.news' },
  { href: ACTIVITIES_BASE, label: 'nav.activities' },
  { href: THEORY_BASE, label: 'nav.theory' },
  { href: SCHOOL_BASE, label: 'nav.school' },
  { href: STATIONS_BASE, label: 'nav.stations' },
  { href: EXCHANGE_BASE, label: 'nav.exchange' },
  { href: DIARY_BASE, label: 'nav.diary' },
  { href: TOPICS_BASE, label: 'nav.topics' },
  { href: STATS_BASE, label: 'nav.stats' },
  { href: SEARCH_HREF, label: 'nav.search' },
];

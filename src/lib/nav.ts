import type { MessageKey } from '../i18n/zh-CN.ts';

/** The main navigation, in order; every section of the site is one entry. */
export const NAV: ReadonlyArray<{ href: string; label: MessageKey }> = [
  { href: '/', label: 'nav.home' },
  { href: '/news/', label: 'nav.news' },
  { href: '/activities/', label: 'nav.activities' },
  { href: '/theory/', label: 'nav.theory' },
  { href: '/school/', label: 'nav.school' },
  { href: '/stations/', label: 'nav.stations' },
  { href: '/exchange/', label: 'nav.exchange' },
  { href: '/diary/', label: 'nav.diary' },
  { href: '/topics/', label: 'nav.topics' },
  { href: '/stats/', label: 'nav.stats' },
  { href: '/search/', label: 'nav.search' },
];

/**
 * The inspection report in words: built once from the facts and the verdict, printed as text
 * by `npm run inspect` and written as a page for the chief editor (/admin/inspect/).
 */
import { t } from '../../i18n/t.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { formatDate, formatDateTime } from '../dates.ts';
import { RULES, type ColumnResult, type InspectionFacts, type Verdict } from './inspect.ts';

export type Status = 'ok' | 'fail' | 'deduct' | 'info';

export interface ReportItem {
  status: Status;
  text: string;
  details: string[];
}

export interface Report {
  title: string;
  intro: string[];
  conclusion: string;
  pass: boolean;
  sections: { title: string; items: ReportItem[] }[];
  columns: ColumnResult[];
}

/** At most this many detail lines per item; the rest are counted. */
const MAX_DETAILS = 50;

function capped(lines: readonly string[]): string[] {
  return lines.length <= MAX_DETAILS ? [...lines] : [...lines.slice(0, MAX_DETAILS), t('inspect.more', { count: lines.length - MAX_DETAILS })];
}

function columnLine(c: ColumnResult): string {
  return c.latest ? t('inspect.column', { name: c.name, date: formatDate(c.latest), days: c.days ?? 0 }) : t('inspect.columnEmpty', { name: c.name });
}

/** The report: 单项否决 items, deduction items, and every column's freshness. */
export function buildReport(facts: InspectionFacts, v: Verdict): Report {
  const veto = (fail: boolean): Status => (fail ? 'fail' : 'ok');
  const deduct = (lose: boolean): Status => (lose ? 'deduct' : 'ok');
  const vetoes: ReportItem[] = [
    {
      status: veto(v.vetoes.home),
      text: v.home.latest ? t('inspect.home', { date: formatDate(v.home.latest), days: v.home.days ?? 0, limit: RULES.homeDays }) : t('inspect.homeNone'),
      details: [],
    },
    {
      status: veto(v.vetoes.stale),
      text: t('inspect.stale.columns', {
        count: v.staleDynamic.length + v.staleNotice.length,
        days: RULES.dynamicDays,
        months: RULES.noticeMonths,
        max: RULES.staleColumns,
      }),
      details: capped([...v.staleDynamic, ...v.staleNotice].map(columnLine)),
    },
    {
      status: veto(v.vetoes.longStale),
      text: t('inspect.longStale', { count: v.staleRegular.length, months: RULES.longStaleMonths, max: RULES.longStaleColumns }),
      details: capped(v.staleRegular.map(columnLine)),
    },
    { status: veto(v.vetoes.empty), text: t('inspect.empty', { count: v.empty.length, max: RULES.emptyColumns }), details: capped(v.empty) },
    {
      status: veto(v.vetoes.future),
      text: t('inspect.future', { count: facts.future.filter((f) => f.shown).length }),
      details: capped(facts.future.map((f) => t(f.shown ? 'inspect.futureShown' : 'inspect.scheduled', { file: f.file, date: formatDateTime(f.date) }))),
    },
    {
      status: veto(v.vetoes.wording),
      text: t('inspect.wording', { count: facts.wording.length }),
      details: capped(facts.wording.map((w) => t('inspect.wordingHit', { ...w }))),
    },
    {
      status: veto(v.vetoes.interaction),
      text: v.vetoes.interaction ? t('inspect.interactionNone') : t('inspect.interaction', { channel: facts.consultation }),
      details: [],
    },
  ];
  // A station's page is not a column: quiet stations are warnings, never a veto.
  const stations: ReportItem[] = [
    {
      status: v.quietStations.length ? 'info' : 'ok',
      text: t('inspect.stations', { count: v.quietStations.length, total: facts.stations.length, days: RULES.dynamicDays }),
      details: capped(v.quietStations.map(columnLine)),
    },
  ];
  const deductions: ReportItem[] = [
    { status: deduct(v.deductions.links), text: t('inspect.links', { count: facts.brokenLinks.length }), details: capped(facts.brokenLinks) },
    {
      status: deduct(v.deductions.identifiers),
      text: t('inspect.identifiers', { count: facts.identifierProblems.length }),
      details: capped(facts.identifierProblems),
    },
    { status: deduct(v.deductions.siteMap), text: t('inspect.siteMap'), details: [...facts.siteMapProblems] },
    { status: deduct(v.deductions.robots), text: t('inspect.robots'), details: [...facts.robotsProblems] },
  ];
  return {
    title: t('inspect.title'),
    intro: [t('inspect.basis'), t('inspect.when', { on: facts.on, built: formatDateTime(facts.builtAt) })],
    conclusion: t(v.pass ? 'inspect.pass' : 'inspect.fail'),
    pass: v.pass,
    sections: [
      { title: t('inspect.vetoes'), items: vetoes },
      { title: t('inspect.deductions'), items: deductions },
      { title: t('inspect.stationsTitle'), items: stations },
    ],
    columns: v.columns,
  };
}

const STATUS_KEY: Record<Status, MessageKey> = {
  ok: 'inspect.status.ok',
  fail: 'inspect.status.fail',
  deduct: 'inspect.status.deduct',
  info: 'inspect.status.info',
};

/** The report as terminal text. */
export function reportText(r: Report): string {
  const out = [r.title, ...r.intro, ''];
  for (const s of r.sections) {
    out.push(s.title);
    for (const item of s.items) {
      out.push(`【${t(STATUS_KEY[item.status])}】${item.text}`);
      for (const d of item.details) out.push(`    ${d}`);
    }
    out.push('');
  }
  out.push(r.conclusion);
  return `${out.join('\n')}\n`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The policy of the report page: it runs no script at all and loads only this site's stylesheet. */
export const REPORT_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

const KIND_KEY = { dynamic: 'inspect.kind.dynamic', notice: 'inspect.kind.notice', regular: 'inspect.kind.regular', other: 'inspect.kind.other' } as const;

/**
 * The report as a standalone page for the chief editor: noindex, no script, the site's own
 * stylesheet when given. Every string from content (file names, titles) is escaped.
 */
export function reportHtml(r: Report, stylesheet?: string): string {
  const e = escapeHtml;
  const items = (list: ReportItem[]) =>
    list
      .map(
        (i) =>
          `<li data-status="${i.status}"><strong>【${e(t(STATUS_KEY[i.status]))}】</strong>${e(i.text)}` +
          (i.details.length ? `<ul>${i.details.map((d) => `<li>${e(d)}</li>`).join('')}</ul>` : '') +
          '</li>',
      )
      .join('\n');
  const rows = r.columns
    .map((c) => {
      const status = c.empty ? t('inspect.emptyColumn') : c.stale ? t('inspect.stale') : t('inspect.fresh');
      return `<tr><th scope="row">${e(c.name)}</th><td>${e(t(KIND_KEY[c.kind]))}</td><td>${c.latest ? e(formatDate(c.latest)) : '—'}</td><td>${c.days ?? '—'}</td><td>${e(status)}</td></tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="content-security-policy" content="${REPORT_CSP}">
<meta name="robots" content="noindex, nofollow">
<title>${e(r.title)}</title>
${stylesheet ? `<link rel="stylesheet" href="${e(stylesheet)}">` : ''}
</head>
<body>
<main id="main" class="ld-container">
<h1>${e(r.title)}</h1>
${r.intro.map((p) => `<p>${e(p)}</p>`).join('\n')}
<p data-verdict="${r.pass ? 'pass' : 'fail'}"><strong>${e(r.conclusion)}</strong></p>
${r.sections.map((s) => `<h2>${e(s.title)}</h2>\n<ul>\n${items(s.items)}\n</ul>`).join('\n')}
<h2>${e(t('inspect.columns'))}</h2>
<table>
<thead><tr><th scope="col">${e(t('inspect.columnName'))}</th><th scope="col">${e(t('inspect.columnKind'))}</th><th scope="col">${e(t('inspect.columnLatest'))}</th><th scope="col">${e(t('inspect.columnDays'))}</th><th scope="col">${e(t('inspect.columnStatus'))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>
</body>
</html>
`;
}

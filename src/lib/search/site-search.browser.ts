/**
 * The search page's controller (`<ld-site-search>`, src/pages/search/index.astro): reads the
 * search from the address, loads Pagefind on the first focus of a control (or at once when the
 * address carries a query), searches the recent shards and widens to older ones while results
 * run short, re-ranks with search-rank.ts and shows full and partial matches, each excerpt built
 * from text nodes. Every change of the form is a new address, so Back and links keep a search.
 */
import { messages } from '../dom.browser.ts';
import { excerptPieces } from './excerpt.ts';
import { pickSubResult, queryTerms, rankResults, shouldFetchMore, type SearchCandidate } from './search-rank.ts';
import { activeFilterCount, pagefindFilters, readState, writeState, FILTER_KEYS, type SearchState } from './search-state.ts';
import { PAGEFIND_BASE } from '../publishing.ts';
import { olderUrl, RESULTS_SHORT, searchesOlder, ShardedSearch, type PagefindData, type SearchScope } from './search-loader.browser.ts';

interface Shown extends SearchCandidate {
  title: string;
  excerpt: string;
}

const BATCH = 10;

export class SiteSearchElement extends HTMLElement {
  /** Opens the sharded index: the page's Pagefind bundle; unit tests open one over a stand-in. */
  static openIndex = (): Promise<ShardedSearch> => ShardedSearch.open(PAGEFIND_BASE, { excerptLength: 40 });

  #pagefind?: Promise<ShardedSearch>;
  #run = 0;
  #form = this.querySelector('form')!;
  #input = this.querySelector<HTMLInputElement>('input[name="q"]')!;
  #sort = this.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  #selects = [...this.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  #status = this.querySelector<HTMLElement>('[data-status]')!;
  #msg = messages(this);
  #results = this.querySelector<HTMLOListElement>('[data-results]')!;
  #partial = this.querySelector<HTMLElement>('[data-partial]')!;
  #partialResults = this.querySelector<HTMLOListElement>('[data-partial-results]')!;
  #filterCount = this.querySelector<HTMLElement>('[data-filter-count]')!;
  #older = this.querySelector<HTMLElement>('[data-older]')!;

  connectedCallback() {
    const state = this.#state();
    this.#fill(state);
    // Pagefind is fetched on the first focus of any control, not on page load.
    for (const control of this.#form.querySelectorAll('input, select')) {
      control.addEventListener('focus', () => void this.#load(), { once: true });
    }
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#navigate();
    });
    for (const select of [...this.#selects, this.#sort]) select.addEventListener('change', () => this.#navigate());
    // Older years are searched on request; the address records it (older=1), so Back and links keep it.
    this.#older.querySelector('button')!.addEventListener('click', () => {
      history.pushState(null, '', olderUrl(location.href));
      void this.#search(this.#state());
    });
    addEventListener('popstate', () => {
      const s = this.#state();
      this.#fill(s);
      void this.#search(s);
    });
    if (state.q) void this.#search(state);
    else this.#status.textContent = '';
  }

  #state(): SearchState {
    return readState(new URL(location.href).searchParams);
  }

  /** Puts a state into the form (adding a filter option the index has not offered yet). */
  #fill(state: SearchState) {
    this.#input.value = state.q;
    this.#showFilterCount(state);
    this.#sort.value = state.sort === 'date' ? 'date' : '';
    for (const select of this.#selects) {
      const key = select.dataset.filter as (typeof FILTER_KEYS)[number];
      const value = state[key];
      if (value && ![...select.options].some((o) => o.value === value)) select.add(new Option(value, value));
      select.value = value;
    }
  }

  #navigate() {
    const form = new FormData(this.#form);
    const params = new URLSearchParams();
    for (const [k, v] of form) if (typeof v === 'string') params.set(k, v);
    const state = readState(params);
    this.#showFilterCount(state);
    const url = `${location.pathname}${writeState(state)}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    void this.#search(state);
  }

  /** The 筛选 button says how many filters are set, so a folded choice is not forgotten. */
  #showFilterCount(state: SearchState) {
    const count = activeFilterCount(state);
    this.#filterCount.hidden = count === 0;
    this.#filterCount.textContent = count === 0 ? '' : this.#msg('mobile.filtersActive', { count });
  }

  #load(): Promise<ShardedSearch> {
    this.#pagefind ??= (this.constructor as typeof SiteSearchElement).openIndex();
    return this.#pagefind;
  }

  /** Shows the control that adds older years (and the school's lessons) to the search, while some are not searched yet. */
  #showOlder(scope: SearchScope) {
    const years = scope.olderYears;
    const names = scope.otherShards.map((id) => this.#msg(`search.shard.${id}`)).join('、');
    this.#older.hidden = !years && !names;
    const key = names ? (years ? 'search.moreAndOlder' : 'search.more') : 'search.older';
    if (years || names) this.#older.querySelector('button')!.textContent = this.#msg(key, { years: years ?? '', names });
  }

  async #search(state: SearchState) {
    const run = ++this.#run;
    this.#results.replaceChildren();
    this.#partialResults.replaceChildren();
    this.#partial.hidden = true;
    this.#older.hidden = true;
    if (queryTerms(state.q).length === 0) {
      this.#status.textContent = state.q || location.search ? this.#msg('search.prompt') : '';
      return;
    }
    this.#status.textContent = this.#msg('search.loading');
    try {
      const pf = await this.#load();
      const scope = await pf.scope(state.year, state.type, searchesOlder(location.href));
      let ranked = rankResults<Shown>(state.q, [], state.sort);
      // The recent shards first; older ones are merged while results run short.
      do {
        const found = await pf.search(state.q, {
          filters: pagefindFilters(state),
          sort: state.sort === 'date' ? { date: 'desc' } : undefined,
        });
        if (run !== this.#run || !found) return;
        const shown: Shown[] = [];
        ranked = rankResults<Shown>(state.q, [], state.sort);
        let lastBatchKept: number | undefined;
        // Results of shards an earlier search merged but this one does not cover are passed over.
        let skipped = 0;
        // Fetch result data in small batches: each costs a request, so stop once enough pages match as written.
        while (shouldFetchMore({ fetched: shown.length, total: found.results.length - skipped, full: ranked.full.length, lastBatchKept })) {
          const at = shown.length + skipped;
          const batch = found.results.slice(at, at + BATCH);
          const data = (await Promise.all(batch.map((r) => r.data()))).filter((d) => scope.has(d));
          if (run !== this.#run) return;
          skipped += batch.length - data.length;
          if (data.length === 0) continue;
          const before = ranked.full.length + ranked.partial.length;
          shown.push(...data.map((d) => this.#candidate(state.q, d)));
          ranked = rankResults(state.q, shown, state.sort);
          lastBatchKept = ranked.full.length + ranked.partial.length - before;
        }
      } while (ranked.full.length < RESULTS_SHORT && (await scope.widen()));
      if (run !== this.#run) return;
      this.#showOlder(scope);
      this.#results.append(...ranked.full.map((r) => this.#item(r.item, 'h2')));
      this.#partialResults.append(...ranked.partial.map((r) => this.#item(r.item, 'h3')));
      this.#partial.hidden = ranked.partial.length === 0;
      const filtered = Object.keys(pagefindFilters(state)).length > 0;
      const key = ranked.full.length === 0 ? 'search.none' : filtered ? 'search.resultsFiltered' : 'search.results';
      this.#status.textContent = this.#msg(key, { count: ranked.full.length, query: state.q });
    } catch {
      if (run === this.#run) this.#status.textContent = this.#msg('search.error');
    }
  }

  /** A Pagefind result as the ranking sees it; pages of many entries link to the matching one. */
  #candidate(query: string, d: PagefindData): Shown {
    const title = d.meta.title ?? d.url;
    const many = d.meta.section === 'diary';
    const sub = many
      ? pickSubResult(
          query,
          (d.sub_results ?? []).filter((s) => s.url.includes('#')),
        )
      : undefined;
    if (sub) return { url: sub.url, content: d.content, meta: { ...d.meta, title: sub.title }, filters: d.filters, title: sub.title, excerpt: sub.excerpt };
    return { url: d.url, content: d.content, meta: d.meta, filters: d.filters, title, excerpt: d.excerpt };
  }

  #item(item: Shown, heading: 'h2' | 'h3'): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'ld-result';
    const h = document.createElement(heading);
    const a = document.createElement('a');
    a.href = item.url;
    a.textContent = item.title;
    h.append(a);
    const meta = document.createElement('p');
    meta.className = 'ld-meta';
    const facts: [string, string | undefined][] = [
      [this.#msg('search.meta.type'), item.meta.type],
      [this.#msg('search.meta.station'), item.meta.station],
      [this.#msg('search.meta.date'), item.meta.date],
    ];
    for (const [label, value] of facts) {
      if (!value) continue;
      const span = document.createElement('span');
      span.textContent = `${label}：${value}`;
      meta.append(span);
    }
    const excerpt = document.createElement('p');
    excerpt.className = 'ld-result__excerpt';
    // Built from text nodes: page text can never become markup (see src/lib/search/excerpt.ts).
    for (const piece of excerptPieces(item.excerpt)) {
      if (piece.mark) {
        const mark = document.createElement('mark');
        mark.textContent = piece.text;
        excerpt.append(mark);
      } else {
        excerpt.append(piece.text);
      }
    }
    li.append(h, meta, excerpt);
    return li;
  }
}

/** Registers `<ld-site-search>` (once). */
export function defineSiteSearch(): void {
  if (!customElements.get('ld-site-search')) customElements.define('ld-site-search', SiteSearchElement);
}

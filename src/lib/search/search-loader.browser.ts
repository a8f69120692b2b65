/**
 * Browser side of the sharded search index (see src/lib/search/search-shards.ts): loads Pagefind's
 * primary bundle (the base shard), reads the shard manifest, and merges dated shards with
 * Pagefind's documented `mergeIndex` only when a search needs them: the recent shards first,
 * the shards of a filtered year, then older shards when the reader asks or results run short.
 * Pagefind then searches every merged shard as one index and orders results by one score.
 */
import { BASE_SHARD, firstShards, inShards, MANIFEST_FILE, nextShards, unloadedNamed, unloadedYears, type ShardManifest } from './search-shards.ts';
import { PAGEFIND_BASE } from '../publishing.ts';

export interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
export interface PagefindSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, string>;
}
export interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(q: string, o?: PagefindSearchOptions): Promise<{ results: PagefindResult[] } | null>;
}

/** Fewer full matches than this in the loaded shards: merge older shards and search again. */
export const RESULTS_SHORT = 3;

/** The address parameter that records a reader's request to search older years too. */
const OLDER_PARAM = 'older';

/** Whether the address asks for older years too. */
export function searchesOlder(href: string): boolean {
  return new URL(href).searchParams.get(OLDER_PARAM) === '1';
}

/** The address with older years asked for. */
export function olderUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.set(OLDER_PARAM, '1');
  return `${url.pathname}${url.search}`;
}

/** Older shards merged at a time when a search finds too few results in what is loaded. */
const EXPAND_STEP = 2;

/**
 * The shards one search covers. It starts with the recent shards (and a filtered year's) and
 * widens, newest first, while results run short or when the reader asks for older years.
 */
export class SearchScope {
  readonly shards: Set<string>;
  readonly #search: ShardedSearch;

  constructor(search: ShardedSearch, shards: string[]) {
    this.#search = search;
    this.shards = new Set(shards);
  }

  /** Whether a result (its `data()`) is in this search's shards. */
  has(data: PagefindData): boolean {
    return inShards(
      this.shards,
      this.#search.months,
      { sortdate: data.meta.sortdate, year: data.filters.year?.[0], shard: data.meta.shard },
      this.#search.present,
    );
  }

  /** The years not covered yet (for the "search older" control), or undefined when all are. */
  get olderYears(): string | undefined {
    return this.#search.olderYears(this.shards);
  }

  /** The named undated shards not covered yet (`school`), for the same control. */
  get otherShards(): string[] {
    return this.#search.otherShards(this.shards);
  }

  /** Adds the next `count` older shards (merging them); resolves false when none were left. */
  async widen(count = EXPAND_STEP): Promise<boolean> {
    const next = this.#search.next(this.shards, count);
    for (const id of next) this.shards.add(id);
    await this.#search.merge(next);
    return next.length > 0;
  }
}

export class ShardedSearch {
  readonly #pf: PagefindModule;
  readonly #manifest: ShardManifest;
  readonly #present: ReadonlySet<string>;
  readonly #options: Record<string, unknown>;
  readonly #loaded = new Set<string>([BASE_SHARD]);
  #merging: Promise<void> = Promise.resolve();

  private constructor(pf: PagefindModule, manifest: ShardManifest, options: Record<string, unknown>) {
    this.#pf = pf;
    this.#manifest = manifest;
    this.#present = new Set(manifest.shards.map((s) => s.id));
    this.#options = options;
  }

  /**
   * Loads the primary bundle under `base` and its shard manifest (none: a single-index site).
   * `load` imports the bundle; unit tests hand in a stand-in for Pagefind.
   */
  static async open(
    base = PAGEFIND_BASE,
    options: Record<string, unknown> = {},
    load: (path: string) => Promise<unknown> = (path) => import(/* @vite-ignore */ path),
  ): Promise<ShardedSearch> {
    const manifest = fetch(`${base}${MANIFEST_FILE}`)
      .then((r) => (r.ok ? (r.json() as Promise<ShardManifest>) : undefined))
      .catch(() => undefined);
    const pf = (await load(`${base}pagefind.js`)) as PagefindModule;
    // noWorker: Pagefind 1.6 searches in a Web Worker by default, whose script (12 KB gzipped)
    // a first search then fetches on top of pagefind.js; on the search page, with small index
    // chunks, searching on the page itself costs a reader nothing noticeable.
    await pf.options({ noWorker: true, ...options });
    await pf.init();
    return new ShardedSearch(pf, (await manifest) ?? { months: 12, recent: 0, shards: [{ id: BASE_SHARD, path: base, years: [], pages: 0 }] }, options);
  }

  get months(): number {
    return this.#manifest.months;
  }

  /** The shards the index has (asked once for every result a search shows). */
  get present(): ReadonlySet<string> {
    return this.#present;
  }

  /** Shard ids merged so far, in merge order. */
  get loaded(): string[] {
    return [...this.#loaded];
  }

  /** A new search's scope: the recent shards, a filtered year's and type's (all shards when `all`), merged. */
  async scope(year = '', type = '', all = false): Promise<SearchScope> {
    const ids = firstShards(this.#manifest, year, type);
    const scope = new SearchScope(this, ids);
    await this.merge(ids);
    if (all) await scope.widen(Infinity);
    return scope;
  }

  /** The years of shards outside `shards`, as a label. */
  olderYears(shards: Iterable<string>): string | undefined {
    return unloadedYears(this.#manifest, shards);
  }

  /** The named undated shards outside `shards`. */
  otherShards(shards: Iterable<string>): string[] {
    return unloadedNamed(this.#manifest, shards);
  }

  /** The next `count` shards outside `shards`, newest first. */
  next(shards: Iterable<string>, count: number): string[] {
    return nextShards(this.#manifest, shards, count);
  }

  search(query: string, options: PagefindSearchOptions): Promise<{ results: PagefindResult[] } | null> {
    return this.#merging.then(() => this.#pf.search(query, options));
  }

  /** Merges shards not merged yet, one after another (Pagefind's instances are added in this order). */
  merge(ids: string[]): Promise<void> {
    const byId = new Map(this.#manifest.shards.map((s) => [s.id, s]));
    this.#merging = this.#merging.then(async () => {
      for (const id of ids) {
        const shard = byId.get(id);
        if (!shard || this.#loaded.has(id)) continue;
        this.#loaded.add(id);
        await this.#pf.mergeIndex(shard.path, this.#options);
      }
    });
    return this.#merging;
  }
}

/**
 * Browser side of the sharded search index (see src/lib/search-shards.ts): loads Pagefind's
 * primary bundle (the base shard), reads the shard manifest, and merges dated shards with
 * Pagefind's documented `mergeIndex` only when a search needs them: the recent shards first,
 * the shards of a filtered year, then older shards when the reader asks or results run short.
 * Pagefind then searches every merged shard as one index and orders results by one score.
 */
import { BASE_SHARD, firstShards, MANIFEST_FILE, nextShards, unloadedYears, type ShardManifest } from './search-shards.ts';

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
interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(q: string, o?: PagefindSearchOptions): Promise<{ results: PagefindResult[] } | null>;
}

/** Fewer full matches than this in the loaded shards: merge older shards and search again. */
export const RESULTS_SHORT = 3;

/** Older shards merged at a time when a search finds too few results in what is loaded. */
const EXPAND_STEP = 2;

export class ShardedSearch {
  readonly #pf: PagefindModule;
  readonly #manifest: ShardManifest;
  readonly #options: Record<string, unknown>;
  readonly #loaded = new Set<string>([BASE_SHARD]);
  #merging: Promise<void> = Promise.resolve();

  private constructor(pf: PagefindModule, manifest: ShardManifest, options: Record<string, unknown>) {
    this.#pf = pf;
    this.#manifest = manifest;
    this.#options = options;
  }

  /** Loads the primary bundle under `base` and its shard manifest (none: a single-index site). */
  static async open(base = '/pagefind/', options: Record<string, unknown> = {}): Promise<ShardedSearch> {
    const manifest = fetch(`${base}${MANIFEST_FILE}`)
      .then((r) => (r.ok ? (r.json() as Promise<ShardManifest>) : undefined))
      .catch(() => undefined);
    const path = `${base}pagefind.js`;
    const pf = (await import(/* @vite-ignore */ path)) as PagefindModule;
    await pf.options(options);
    await pf.init();
    return new ShardedSearch(pf, (await manifest) ?? { recent: 0, shards: [{ id: BASE_SHARD, path: base, years: [], pages: 0 }] }, options);
  }

  /** Shard ids merged so far, in merge order. */
  get loaded(): string[] {
    return [...this.#loaded];
  }

  /** The years not yet searched (for the "search older" control), or undefined when all are. */
  get olderYears(): string | undefined {
    return unloadedYears(this.#manifest, this.#loaded);
  }

  /** Merges the shards a search with this year filter needs first (recent ones, and that year's). */
  prepare(year = ''): Promise<void> {
    return this.#merge(firstShards(this.#manifest, year));
  }

  /** Merges the next older shards; resolves false when every shard was already merged. */
  async expand(count = EXPAND_STEP): Promise<boolean> {
    await this.#merging;
    const next = nextShards(this.#manifest, this.#loaded, count);
    await this.#merge(next);
    return next.length > 0;
  }

  /** Merges every shard not merged yet. */
  expandAll(): Promise<boolean> {
    return this.expand(Infinity);
  }

  search(query: string, options: PagefindSearchOptions): Promise<{ results: PagefindResult[] } | null> {
    return this.#merging.then(() => this.#pf.search(query, options));
  }

  /** Merges shards one after another (Pagefind's instances are added in this order). */
  #merge(ids: string[]): Promise<void> {
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

/**
 * An Astro integration for `astro build`: the pages read Astro's content data store from its file
 * on disk instead of from a copy inlined in the bundle.
 *
 * Astro's own module (`astro:data-layer-content`) inlines the whole store (every entry's data
 * and rendered HTML) as one JSON string literal, which Vite then bundles and Node compiles
 * before the first page. At 60,000 entries that literal is about 200 MB, and compiling it took
 * 13.9 s against 0.7 s at 10,000 entries (CPU profiles of both builds): it grew 20 times for 6
 * times the content, and made the build grow faster than its pages. Reading the same file
 * with `readFileSync` costs time in proportion to its size, and the bundle stays small: at
 * 60,000 entries Vite's bundling went from 14–17 s to 8 s, the wait before the first page from
 * 16–19 s to 6 s, and the build's peak memory from 3.1 GB to 2.6 GB.
 *
 * Pages are rendered by the build process on the machine that wrote the store, from the store
 * of that same build (Astro writes it before bundling), so nothing else changes. `astro dev`,
 * and a chunked store (`experimental.collectionStorage`), keep Astro's own module.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The id Astro's content plugin resolves `astro:data-layer-content` to. */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/** The file Astro writes the store to in a build: `data-store.json` in the cache folder. */
export function dataStoreFile(cacheDir: URL): string {
  return fileURLToPath(new URL('data-store.json', cacheDir));
}

/** The module that replaces Astro's: the same value, parsed from the file when the pages load. */
export function dataStoreModule(file: string): string {
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
}

/** Whether a build with this setting keeps its store in the single file the module reads. */
export function singleFileStore(storage: unknown): boolean {
  return storage === undefined || storage === 'single-file';
}

/** The Vite plugin: replaces Astro's data store module with one that reads the file. */
export function dataStorePlugin(file: string, exists: (file: string) => boolean = existsSync) {
  return {
    name: 'louyu:data-store-from-disk',
    enforce: 'pre' as const,
    apply: 'build' as const,
    // Astro's own plugin loads the module first (its filtered hook runs before any other); its
    // code is replaced here, before Vite bundles it.
    transform(_code: string, id: string) {
      // No file (no collections yet): Astro's own module gives an empty store.
      if (id !== DATA_STORE_MODULE_ID || !exists(file)) return null;
      return { code: dataStoreModule(file), map: { mappings: '' } };
    },
  };
}

export default function dataStoreFromDisk(): AstroIntegration {
  return {
    name: 'louyu:data-store-from-disk',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build' || !singleFileStore(config.experimental?.collectionStorage)) return;
        updateConfig({ vite: { plugins: [dataStorePlugin(dataStoreFile(config.cacheDir))] } });
      },
    },
  };
}

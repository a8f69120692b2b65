import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// Astro's own id for the module, so a rename in Astro fails here rather than silently in the build.
import { RESOLVED_DATA_STORE_VIRTUAL_ID } from '../../node_modules/astro/dist/content/consts.js';
import dataStoreFromDisk, {
  DATA_STORE_MODULE_ID,
  dataStoreFile,
  dataStoreModule,
  dataStorePlugin,
  singleFileStore,
} from '../../src/lib/data-store-from-disk.node.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'louyu-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let modules = 0;
/** Runs a module's code (written to a file, imported) and gives its default export. */
async function run(code: string): Promise<unknown> {
  const file = path.join(dir, `module-${++modules}.mjs`);
  writeFileSync(file, code);
  const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: unknown };
  return mod.default;
}

describe('the content store read from its file in a build', () => {
  it('is the module Astro resolves the data store to', () => {
    expect(DATA_STORE_MODULE_ID).toBe(RESOLVED_DATA_STORE_VIRTUAL_ID);
  });

  it('lies in the build cache folder', () => {
    expect(dataStoreFile(pathToFileURL(`${dir}/cache/`))).toBe(path.join(dir, 'cache', 'data-store.json'));
  });

  it('gives the value Astro inlines: the parsed file, Chinese, quotes and line breaks included', async () => {
    const store = JSON.stringify([['Map', 1, 2], 'news', { html: '<p class="x">楼宇\n“服务”</p>\\' }]);
    const file = path.join(dir, 'data-store.json');
    writeFileSync(file, store);
    // Astro's own module: export default JSON.parse(<the file's text as a string literal>).
    const astros = await run(`export default JSON.parse(${JSON.stringify(store)})`);
    const ours = await run(dataStoreModule(file));
    expect(ours).toEqual(astros);
  });

  it('replaces only that module, and only while the file exists', () => {
    const file = path.join(dir, 'data-store.json');
    const plugin = dataStorePlugin(file, () => true);
    expect(plugin.transform('export default JSON.parse("[]")', DATA_STORE_MODULE_ID)).toEqual({ code: dataStoreModule(file), map: { mappings: '' } });
    expect(plugin.transform('export default 1', '/src/pages/index.astro')).toBeNull();
    expect(dataStorePlugin(file, () => false).transform('export default new Map()', DATA_STORE_MODULE_ID)).toBeNull();
    expect(plugin.apply).toBe('build');
  });

  it('applies to builds with a single-file store, not to astro dev or a chunked store', () => {
    const added: unknown[] = [];
    const setup = dataStoreFromDisk().hooks['astro:config:setup'] as (o: unknown) => void;
    const call = (command: string, collectionStorage?: unknown) =>
      setup({
        command,
        config: { cacheDir: pathToFileURL(`${dir}/`), experimental: { collectionStorage } },
        updateConfig: (c: { vite: { plugins: unknown[] } }) => added.push(...c.vite.plugins),
      });
    call('dev');
    call('build', 'chunked');
    call('build', { type: 'chunked', chunkSize: 1 });
    expect(added).toHaveLength(0);
    call('build');
    call('build', 'single-file');
    expect(added).toHaveLength(2);
    expect(singleFileStore(undefined)).toBe(true);
  });
});

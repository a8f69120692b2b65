/**
 * Writes .gz and .br next to every compressible file of a built site, so the web server sends
 * them as they are (nginx `gzip_static` / `brotli_static`) instead of compressing per request.
 * A copy is kept only when it is clearly smaller: Pagefind's index files are compressed already.
 *
 * `node scripts/precompress.ts [dir]` (default dist/); scripts/build.ts runs it after Pagefind.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { walkFiles } from './site-files.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Extensions worth compressing (text formats, WebAssembly and Pagefind's files). */
export const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|ics|svg|txt|webmanifest|wasm|yml|csv|pagefind|pf_meta|pf_index|pf_fragment)$/;
/** Below this size a compressed copy saves less than a network packet. */
const MIN_SIZE = 1024;

/** Compresses every eligible file under `dir`; returns how many copies were written. */
export async function precompress(dir: string): Promise<{ files: number; written: number }> {
  const files = walkFiles(dir).map((f) => path.join(dir, f)).filter((f) => COMPRESSIBLE.test(f) && statSync(f).size >= MIN_SIZE);
  let written = 0;
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const data = readFileSync(file);
      const [gz, br] = await Promise.all([
        gzipAsync(data, { level: 9 }),
        brotliAsync(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: data.length > 100_000 ? 9 : 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
      ]);
      // Keep a copy only when it saves at least a tenth.
      if (gz.length < data.length * 0.9) {
        writeFileSync(`${file}.gz`, gz);
        written++;
      }
      if (br.length < data.length * 0.9) {
        writeFileSync(`${file}.br`, br);
        written++;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { files: files.length, written };
}

if (import.meta.main) {
  const dir = process.argv[2] ?? 'dist';
  const started = performance.now();
  const { files, written } = await precompress(dir);
  console.log(`预压缩：${files} 个文件，写出 ${written} 个 .gz/.br，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
}

/**
 * Copies the self-hosted Decap CMS bundle (main file, its lazy chunks and wasm) from
 * node_modules into public/admin/decap/, so /admin loads nothing from another origin. The copy
 * is build output: it is git-ignored and made fresh on every build.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const source = path.join('node_modules', 'decap-cms', 'dist');
const target = path.join('public', 'admin', 'decap');

/** Copies the Decap files and returns how many were copied. */
export function copyDecap(): number {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const files = readdirSync(source).filter((f) => /^(?:\d+\.)?decap-cms\.js$|\.wasm$/.test(f));
  for (const f of files) copyFileSync(path.join(source, f), path.join(target, f));
  return files.length;
}

/**
 * Writes /admin/preview.css: the site's global stylesheet plus the few preview-only rules, at a
 * stable address for `CMS.registerPreviewStyle` (the built CSS has a hashed name).
 */
export function writePreviewCss(): void {
  const css = ['src/styles/global.css', 'src/admin/preview.css'].map((f) => readFileSync(f, 'utf8')).join('\n');
  writeFileSync(path.join('public', 'admin', 'preview.css'), css);
}

if (import.meta.main) {
  const n = copyDecap();
  writePreviewCss();
  console.log(`Decap CMS：已复制 ${n} 个文件到 ${target}`);
}

/**
 * Copies the self-hosted Decap CMS bundle (main file, its lazy chunks and wasm) from
 * node_modules into public/admin/decap/, so /admin loads nothing from another origin. The copy
 * is build output: it is git-ignored and made fresh on every build.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
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

if (import.meta.main) {
  const n = copyDecap();
  console.log(`Decap CMS：已复制 ${n} 个文件到 ${target}`);
}

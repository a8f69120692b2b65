/**
 * The build manifest, written as the last step of `npm run build`: every file of the built site
 * with its SHA-256 and size, under a header naming the build (its id, the Git commit, the time).
 * scripts/deploy.sh refuses a folder that does not match it, naming what is missing, hard-links
 * the files whose hash the live release shares, and knows from it which hashed assets each
 * release made (to carry them forward).
 *
 * Format (line-oriented, so the deploy script reads it with awk): header lines `# <key> <value>`,
 * then one line per file, `<sha256>\t<size>\t<path>`, sorted by path.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { FileDigests, sha256 } from '../src/lib/file-digests.node.ts';
import path from 'node:path';

export const MANIFEST = '.build-manifest';

/** The commit being built: the CI's variable, else the checkout's HEAD, else empty. */
export function buildCommit(env: NodeJS.ProcessEnv = process.env): string {
  const fromCi = env.GITHUB_SHA || env.CI_COMMIT_SHA || env.GITEA_SHA;
  if (fromCi) return fromCi;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** Regular files under `dir`, relative, '/'-separated, sorted (symbolic links are not part of a build). */
function regularFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [''];
  for (let rel = stack.pop(); rel !== undefined; rel = stack.pop()) {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) stack.push(child);
      else if (entry.isFile() && child !== MANIFEST) out.push(child);
    }
  }
  return out.sort();
}

export interface ManifestInfo {
  builtAt: string;
  commit?: string;
}

/** Writes `dir/.build-manifest`; returns the build id and how many files it lists. */
export function writeBuildManifest(dir: string, info: ManifestInfo, digests = new FileDigests()): { id: string; files: number } {
  const files = regularFiles(dir);
  const lines: string[] = [];
  for (const file of files) {
    if (/[\t\n\r]/.test(file)) throw new Error(`${path.join(dir, file)}：文件名含制表符或换行，无法写入构建清单`);
    // Unchanged files (same stamp as in the last build) are not read again.
    const { hash, size } = digests.digest(path.join(dir, file));
    lines.push(`${hash}\t${size}\t${file}`);
  }
  const commit = info.commit ?? buildCommit();
  const id = `${info.builtAt.replace(/[-:]/g, '').replace(/\.\d+/, '')}-${randomBytes(4).toString('hex')}`;
  const header = [`# build ${id}`, `# commit ${commit}`, `# builtAt ${info.builtAt}`, `# files ${files.length}`];
  writeFileSync(path.join(dir, MANIFEST), `${[...header, ...lines].join('\n')}\n`);
  return { id, files: files.length };
}

/**
 * Records one more file of the built site in its manifest (or its new hash and size). For a step
 * after the build that adds to dist/ on purpose: `npm run inspect` writes its report page
 * (admin/inspect/) there, and the pipelines deploy it. Without a manifest, nothing is done.
 */
export function recordInManifest(dir: string, file: string): void {
  const manifestFile = path.join(dir, MANIFEST);
  let text: string;
  try {
    text = readFileSync(manifestFile, 'utf8');
  } catch {
    return;
  }
  if (/[\t\n\r]/.test(file)) throw new Error(`${path.join(dir, file)}：文件名含制表符或换行，无法写入构建清单`);
  const lines = text.split('\n').filter(Boolean);
  const header = lines.filter((l) => l.startsWith('#') && !l.startsWith('# files '));
  const entries = lines.filter((l) => !l.startsWith('#') && l.split('\t')[2] !== file);
  const full = path.join(dir, file);
  entries.push(`${sha256(readFileSync(full))}\t${statSync(full).size}\t${file}`);
  entries.sort((a, b) => {
    const pa = a.split('\t')[2] ?? '';
    const pb = b.split('\t')[2] ?? '';
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  });
  writeFileSync(manifestFile, `${[...header, `# files ${entries.length}`, ...entries].join('\n')}\n`);
}

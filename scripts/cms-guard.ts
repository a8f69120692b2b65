/**
 * What the local CMS server lets through. decap-server has no authentication, answers any Host
 * and resolves paths anywhere under the repository: a page that rebinds its name to 127.0.0.1
 * could write `scripts/x.ts` (run by the next build) or read `package.json`. This guard stands in
 * front of it:
 * - the Host header must be this server's own (`localhost:<port>` or `127.0.0.1:<port>`): a
 *   rebound name carries the attacker's host, so it gets 421;
 * - every path an action reads, writes, moves or deletes must lie inside `content/` or
 *   `public/media/` (after resolving `..` and symbolic links), and collection and entry names may
 *   not climb out of their folder; anything else gets 403 with a JSON error;
 * - an action it does not know is refused (422), so a new decap-server action cannot slip past;
 * - an uploaded picture over the site's size limits (image-limits.ts) is refused (413) before it
 *   is written, with the reason.
 */
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { imageDimensions, imageSizeProblemOf } from '../src/lib/image-limits.ts';

/** The folders, relative to the repository, that the CMS may touch. */
export const CMS_WRITABLE = ['content', 'public/media'] as const;

export interface Refusal {
  status: number;
  error: string;
}

/** Whether `host` (the Host header) names this server: localhost or 127.0.0.1 with its port. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `localhost:${port}` || host === `127.0.0.1:${port}`;
}

export function hostRefusal(host: string | undefined, port: number): Refusal | undefined {
  if (isOwnHost(host, port)) return undefined;
  return { status: 421, error: `本地内容管理服务只接受发给 localhost:${port} 或 127.0.0.1:${port} 的请求（收到的 Host 是“${host ?? ''}”）` };
}

type Params = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Params => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Params) : {});

/** A data file or asset of persistEntry/persistMedia: its path and, when moved, its new path. */
const filePaths = (v: unknown): (string | undefined)[] => [str(obj(v).path), ...(obj(v).newPath === undefined ? [] : [str(obj(v).newPath)])];

/** For every action decap-server knows (file and git mode): the paths it touches. */
const ACTIONS: Record<string, (p: Params) => (string | undefined)[]> = {
  info: () => [],
  entriesByFolder: (p) => [str(p.folder)],
  entriesByFiles: (p) => list(p.files).map((f) => str(obj(f).path)),
  getEntry: (p) => [str(p.path)],
  persistEntry: (p) => [
    ...(p.entry === undefined ? [] : filePaths(p.entry)),
    ...list(p.dataFiles).flatMap(filePaths),
    ...list(p.assets).map((a) => str(obj(a).path)),
  ],
  getMedia: (p) => [str(p.mediaFolder)],
  getMediaFile: (p) => [str(p.path)],
  persistMedia: (p) => [str(obj(p.asset).path)],
  deleteFile: (p) => [str(p.path)],
  deleteFiles: (p) => list(p.paths).map(str),
  getDeployPreview: () => [],
  // Git mode (editorial workflow): unpublished entries live on cms/<collection>/<slug> branches.
  unpublishedEntries: () => [],
  unpublishedEntry: () => [],
  unpublishedEntryDataFile: (p) => [str(p.path)],
  unpublishedEntryMediaFile: (p) => [str(p.path)],
  deleteUnpublishedEntry: () => [],
  updateUnpublishedEntryStatus: () => [],
  publishUnpublishedEntry: () => [],
};

/** Names that become branch names and folders: no climbing, no absolute paths, no odd characters. */
const NAME_RE = /^[A-Za-z0-9_-]+(?:[./][A-Za-z0-9_-]+)*$/;
const NAME_KEYS = ['collection', 'slug', 'id'] as const;

/** The real path of `target`, or of its nearest existing ancestor joined with the rest. */
function realPathOf(target: string): string {
  const missing: string[] = [];
  let at = target;
  for (;;) {
    try {
      lstatSync(at);
      return path.join(realpathSync(at), ...missing);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const parent = path.dirname(at);
      if (parent === at) return target;
      missing.unshift(path.basename(at));
      at = parent;
    }
  }
}

/** Why `p` may not be touched; undefined when it lies inside a writable folder of `repo`. */
export function pathProblem(repo: string, p: string | undefined): string | undefined {
  if (typeof p !== 'string' || p === '') return '缺少路径';
  if (p.includes('\0') || p.includes('\\')) return `路径“${p}”含有不允许的字符`;
  if (path.isAbsolute(p) || /^[A-Za-z]:/.test(p)) return `路径“${p}”是绝对路径`;
  if (p.split('/').includes('..')) return `路径“${p}”含有“..”`;
  const root = realPathOf(path.resolve(repo));
  const real = realPathOf(path.resolve(repo, p));
  for (const folder of CMS_WRITABLE) {
    const base = realPathOf(path.join(root, folder));
    if (real === base || real.startsWith(base + path.sep)) return undefined;
  }
  return `路径“${p}”不在 ${CMS_WRITABLE.map((f) => `${f}/`).join(' 或 ')} 之内`;
}

/** Why this API request is refused (status and message), or undefined when it may go through. */
export function requestRefusal(repo: string, body: unknown): Refusal | undefined {
  const action = str(obj(body).action);
  const params = obj(obj(body).params);
  const paths = action !== undefined && Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!paths) return { status: 422, error: `本地内容管理服务不支持的操作“${action ?? ''}”` };
  for (const key of NAME_KEYS) {
    const value = params[key];
    if (value !== undefined && (typeof value !== 'string' || !NAME_RE.test(value))) {
      return { status: 403, error: `${action}：${key}“${String(value)}”不合规` };
    }
  }
  for (const p of paths(params)) {
    const problem = pathProblem(repo, p);
    if (problem) return { status: 403, error: `${action}：${problem}；内容管理只能读写 content/ 和 public/media/` };
  }
  const uploads = action === 'persistMedia' ? [params.asset] : action === 'persistEntry' ? list(params.assets) : [];
  for (const asset of uploads) {
    const { path: p, content } = obj(asset);
    if (typeof content !== 'string') continue;
    // The header is enough: decode at most the first megabyte of the base64 text.
    const tooLarge = imageSizeProblemOf(imageDimensions(Buffer.from(content.slice(0, 1_400_000), 'base64')));
    if (tooLarge) return { status: 413, error: `${String(p)}：${tooLarge}` };
  }
  return undefined;
}

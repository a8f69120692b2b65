/**
 * SHA-256 digests of a built site's files, remembered from one build to the next by each file's
 * stamp (file-stamp.node.ts): the build manifest lists every file's digest and precompression
 * looks its copies up by digest, and at 60,000 entries reading 370,000 files to hash them again
 * cost more than the few files an edit changes. A file with no stamp (just changed) is hashed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stampOf } from './file-stamp.node.ts';
import { replaceFile } from './replace-file.node.ts';

/** SHA-256 of a text or of bytes, hex (the same digest for a text and its UTF-8 bytes). */
export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export class FileDigests {
  readonly #file: string | undefined;
  readonly #known: Map<string, string>;
  readonly #used = new Map<string, string>();
  /** Files hashed by reading them (for reports and tests). */
  read = 0;

  /** Digests remembered in `file` (none, and nothing saved, when undefined). */
  constructor(file?: string) {
    this.#file = file;
    this.#known = new Map(file ? readRecord(file) : []);
  }

  /** The digest and size of `file`, and its bytes when they had to be read. */
  digest(file: string): { hash: string; size: number; data?: Buffer } {
    const st = statSync(file, { bigint: true });
    const size = Number(st.size);
    const stamp = stampOf(st);
    const known = stamp === undefined ? undefined : (this.#used.get(stamp) ?? this.#known.get(stamp));
    if (known !== undefined) {
      this.#used.set(stamp!, known);
      return { hash: known, size };
    }
    const data = readFileSync(file);
    this.read++;
    const hash = sha256(data);
    // Stored only if the bytes read are the ones the stamp was taken of.
    if (stamp !== undefined && data.length === size) this.#used.set(stamp, hash);
    return { hash, size: data.length, data };
  }

  /** Stores the digests used since this was made (those of files gone are dropped). */
  save(): void {
    if (!this.#file) return;
    mkdirSync(path.dirname(this.#file), { recursive: true });
    replaceFile(this.#file, JSON.stringify(Object.fromEntries(this.#used)));
  }
}

function readRecord(file: string): [string, string][] {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
    return Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string' && /^[0-9a-f]{64}$/.test(e[1]));
  } catch {
    return [];
  }
}

/** The digest record of a build from the environment: FILE_DIGESTS (`off`: none), by default .tmp/file-digests.json. */
export function envFileDigests(env: NodeJS.ProcessEnv = process.env): FileDigests {
  const file = env.FILE_DIGESTS ?? '.tmp/file-digests.json';
  return new FileDigests(file === 'off' ? undefined : file);
}

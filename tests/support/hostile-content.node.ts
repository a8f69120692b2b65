/**
 * The hostile content root (tests/e2e/hostile.spec.ts builds it through tests/support/fixture-build.node.ts):
 * tests/fixtures/content-min, plus entries carrying the body payloads of tests/fixtures/hostile/
 * and, in every free-text front-matter field of every collection (found from the schemas, so a new
 * field is covered automatically) and of the site settings, a string of front-matter.yaml.
 *
 * Every collection gets PER_COLLECTION entries, each with a different window of the body payloads,
 * every free-text field of each filled; the lessons get one per payload (every payload, and the
 * one course longer than a syllabus page). Before, every collection held one entry per payload:
 * about four times the pages to build and to open, for the same fields and the same payloads.
 */
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { COLLECTION_FILES } from '../../src/lib/schema/schema.ts';
import { validatorSchemas } from '../../src/lib/schema/validate.node.ts';
import type { CollectionName } from '../../src/lib/schema/enums.ts';
import { collectionStringFields, readEntryFile, withValue, writeEntryFile } from '../unit/support/front-matter.node.ts';

const CORPUS = 'tests/fixtures/hostile';
const BASE = 'tests/fixtures/content-min';
/** Entries per collection (the lessons excepted, which hold every payload). */
export const PER_COLLECTION = 6;

/** Fits a payload into a field of at most `max` characters, keeping its marker. */
function fit(payload: string, marker: string, max: number): string {
  const full = `${payload} ${marker}`;
  if ([...full].length <= max) return full;
  return [...`${marker}<svg onload=window.__pwned=1>`].slice(0, max).join('');
}

/**
 * Puts a payload into every free-text string field of `data` that the collection's schema still
 * accepts with it (a field whose rules refuse it, such as a reference or a street name, keeps its
 * value: the validator refuses such a file before any build). Returns the poisoned data and the
 * names of the fields that carry a payload.
 */
function poison(
  collection: CollectionName,
  data: Record<string, unknown>,
  payloads: string[],
  marker: string,
  fields: ReturnType<typeof collectionStringFields>,
) {
  const list = fields.find(([name]) => name === collection)?.[1] ?? [];
  let current = data;
  const poisoned: string[] = [];
  list
    .filter((f) => f.free)
    .forEach((f, i) => {
      // Only fields present in the base entry (or inside a list present there) are filled.
      let node: unknown = current;
      for (const key of f.path.slice(0, -1)) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
      if (!node || typeof node !== 'object') return;
      const value = fit(payloads[i % payloads.length] ?? '', `${marker}-${i}`, f.maxLength ?? 100);
      const candidate = withValue(current, f.path, value);
      if (validatorSchemas[collection].safeParse(candidate).success) {
        current = candidate;
        poisoned.push(f.path.join('.'));
      }
    });
  return { data: current, poisoned };
}

/** What the hostile content root holds. */
export interface HostileSummary {
  /** Body payloads in the corpus. */
  bodies: number;
  /** Front-matter strings in the corpus. */
  strings: number;
  /** Fields filled with a payload, over all entries. */
  fields: number;
  /** Entries written per collection folder. */
  entries: Record<string, number>;
}

/** Writes the hostile content root into `dir`/content; returns it and what it holds. */
export function hostileRoot(dir: string): { root: string; summary: HostileSummary } {
  const root = path.join(dir, 'content');
  cpSync(BASE, root, { recursive: true });
  const bodies = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const nonce = `${Date.now()}-${process.pid}`;
  const strings = yaml.load(readFileSync(path.join(CORPUS, 'front-matter.yaml'), 'utf8')) as string[];
  const schemaFields = collectionStringFields();
  let fields = 0;
  const entries: Record<string, number> = {};

  const settingsFile = path.join(root, 'settings', 'site.yaml');
  const settings = poison('settings', readEntryFile(settingsFile).data, strings, 'HOSTILE-FM', schemaFields);
  fields += settings.poisoned.length;
  writeEntryFile(settingsFile, settings.data, undefined);

  const collections = (Object.entries(COLLECTION_FILES) as [CollectionName, string][]).filter(([c]) => c !== 'settings');
  collections.forEach(([collection, pattern], c) => {
    const folder = pattern.split('/')[0] ?? collection;
    const templateName = readdirSync(path.join(root, folder))[0];
    if (!templateName) return;
    const template = readEntryFile(path.join(root, folder, templateName));
    const ext = path.extname(templateName);
    // A window of the payloads, a different one per collection.
    const span = Array.from({ length: Math.min(PER_COLLECTION, bodies.length) }, (_, j) => (c * PER_COLLECTION + j) % bodies.length);
    const picked = collection === 'lessons' ? bodies.map((_, i) => i) : span;
    entries[folder] = picked.length;
    for (const i of picked) {
      const file = bodies[i]!;
      const n = String(i + 1).padStart(2, '0');
      const rotated = [...strings.slice(i % strings.length), ...strings.slice(0, i % strings.length)];
      const { data, poisoned } = poison(collection, template.data, rotated, `HOSTILE-FM${n}`, schemaFields);
      fields += poisoned.length;
      const front = data;
      if (typeof front.order === 'number') front.order = 100 + i;
      // Names that must be unique within an entry stay unique.
      if (Array.isArray(front.buildings)) front.buildings = front.buildings.map((b: { name: string }, j) => ({ ...b, name: `${b.name}${j}` }));
      // A fresh nonce per run: Astro caches rendered bodies by content, and a cached render
      // from an earlier build must never stand in for this build's sanitiser.
      const body = template.body === undefined ? undefined : `${readFileSync(path.join(CORPUS, file), 'utf8')}\n运行编号 ${nonce}\n`;
      writeEntryFile(path.join(root, folder, `hostile-${n}${ext}`), front, body);
    }
  });
  return { root, summary: { bodies: bodies.length, strings: strings.length, fields, entries } };
}

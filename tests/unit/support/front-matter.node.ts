/**
 * Reading and rewriting content files for the generated hostile cases, and the string fields of
 * every collection as the schemas declare them (so a new field is covered automatically).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName } from '../../../src/lib/schema/enums.ts';
import { stringFields, type JsonSchemaNode, type StringField } from '../../support/schema-fields.ts';
import { validatorSchemas } from '../../../src/lib/schema/validate.node.ts';
import { splitFrontMatter } from '../../../src/lib/front-matter.ts';

/** The string fields of each collection, from its JSON Schema. */
export function collectionStringFields(): [CollectionName, StringField[]][] {
  return COLLECTIONS.map((name) => [name, stringFields(z.toJSONSchema(validatorSchemas[name], { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode)]);
}

/** Front matter (or the whole YAML file) and body of an entry file. */
export function readEntryFile(file: string): { data: Record<string, unknown>; body: string | undefined } {
  const raw = readFileSync(file, 'utf8');
  if (!file.endsWith('.md')) return { data: yaml.load(raw) as Record<string, unknown>, body: undefined };
  const parts = splitFrontMatter(raw);
  return { data: (yaml.load(parts?.yaml ?? '') ?? {}) as Record<string, unknown>, body: parts ? parts.body : raw };
}

/** Writes an entry file back (YAML front matter plus body for Markdown). */
export function writeEntryFile(file: string, data: unknown, body: string | undefined): void {
  const front = yaml.dump(data, { lineWidth: -1 });
  writeFileSync(file, body === undefined ? front : `---\n${front}---\n${body}`);
}

/** A copy of `data` with `value` at `path`, creating objects and arrays on the way. */
export function withValue(data: unknown, path: readonly (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(data) as Record<string, unknown>;
  let node: Record<string | number, unknown> = copy;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = path[i + 1];
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = typeof next === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  return copy;
}

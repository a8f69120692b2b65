/**
 * Loads station files the way the validator does: front matter read with js-yaml, then parsed
 * by the site's own schema (makeSchemas), so tests see exactly the data pages see.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { makeSchemas } from '../../../src/lib/schema/schema.ts';
import { collectionFiles } from '../../../src/lib/schema/validate.node.ts';
import { splitFrontMatter } from '../../../src/lib/front-matter.ts';

const schemas = makeSchemas({
  ref: () => z.string().transform((id) => ({ id })),
  image: () => z.string(),
});

export type ParsedStation = z.output<typeof schemas.stations> & { id: string };

/** Every station under `root` (a content folder), parsed; throws on an invalid file. */
export function loadStations(root: string): ParsedStation[] {
  return collectionFiles(root, 'stations').map((file) => {
    const parts = splitFrontMatter(readFileSync(file, 'utf8'));
    if (!parts) throw new Error(`${file}: no front matter`);
    const data = schemas.stations.parse(yaml.load(parts.yaml));
    return { ...data, id: path.basename(file, '.md') };
  });
}

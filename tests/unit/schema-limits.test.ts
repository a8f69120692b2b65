/**
 * Every string field of the content model declares a maximum length (so the CMS can show it and
 * a 100,000-character title cannot slow the build to minutes), and the generated cases prove,
 * field by field and for every collection, that the validator refuses a control character or an
 * over-long value with one line naming the file and the field. The fields come from the schemas
 * themselves: a new field is covered without editing this test.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COLLECTION_FILES } from '../../src/lib/schema.ts';
import { fieldName } from '../../src/lib/schema-fields.ts';
import { formatProblem, validateContent } from '../../src/lib/validate.node.ts';
import { collectionStringFields, readEntryFile, withValue, writeEntryFile } from './support/front-matter.node.ts';

const BASE = 'tests/fixtures/content-min';
const temp = mkdtempSync(path.join(tmpdir(), 'schema-limits-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const fields = collectionStringFields();

describe.each(fields)('%s', (collection, list) => {
  it('has string fields, each with a maximum length (or a closed list of values)', () => {
    expect(list.length).toBeGreaterThan(0);
    expect(list.filter((f) => f.maxLength === undefined && !f.enumerated).map((f) => fieldName(f.path))).toEqual([]);
  });
});

/** One generated case per collection, field and kind of bad value. */
const cases = fields.flatMap(([collection, list]) =>
  list.filter((f) => !f.enumerated).flatMap((f) => [
    { collection, field: fieldName(f.path), path: f.path, kind: 'control', value: `正常文字\u0007响铃\u001b[31m` },
    { collection, field: fieldName(f.path), path: f.path, kind: 'too long', value: '长'.repeat((f.maxLength ?? 100) + 1) },
  ]),
);

describe('generated front-matter cases', () => {
  it('cover at least 100 field × value pairs', () => expect(cases.length).toBeGreaterThanOrEqual(100));

  it.each(cases)('$collection › $field: a $kind value is refused naming the file and the field', ({ collection, field, path: at, kind, value }) => {
    const root = path.join(temp, `${collection}-${field.replace(/\W/g, '_')}-${kind.replace(' ', '')}`);
    cpSync(BASE, root, { recursive: true });
    const folder = COLLECTION_FILES[collection].split('/')[0] ?? collection;
    const name = readdirSync(path.join(root, folder))[0] ?? '';
    const file = path.join(root, folder, name);
    const entry = readEntryFile(file);
    writeEntryFile(file, withValue(entry.data, at, value), entry.body);
    const lines = validateContent(root).map(formatProblem);
    const named = lines.filter((l) => l.includes(`${folder}/${name}: 字段 ${field}：`));
    expect(named, lines.join('\n')).not.toEqual([]);
    for (const line of lines) expect(line).not.toContain('\n');
    if (kind === 'control') expect(named.join('\n')).toContain('控制字符');
  });
});

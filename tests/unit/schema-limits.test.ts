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
import { z } from 'astro/zod';
import { COLLECTIONS } from '../../src/lib/schema/enums.ts';
import { COLLECTION_FILES, RESERVED_COURSE_IDS, RESERVED_LESSON_IDS, RESERVED_PAGE_IDS } from '../../src/lib/schema/schema.ts';
import { syllabusPages } from '../../src/lib/school/syllabus.ts';
import { fieldName } from '../support/schema-fields.ts';
import { formatProblem, validateContent, validatorSchemas } from '../../src/lib/schema/validate.node.ts';
import { collectionStringFields, readEntryFile, withValue, writeEntryFile } from './support/front-matter.node.ts';

const BASE = 'tests/fixtures/content-min';
const temp = mkdtempSync(path.join(tmpdir(), 'schema-limits-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }), 60_000);
const fields = collectionStringFields();

describe.each(fields)('%s', (_, list) => {
  it('has string fields, each with a maximum length (or a closed list of values)', () => {
    expect(list.length).toBeGreaterThan(0);
    expect(list.filter((f) => f.maxLength === undefined && !f.enumerated).map((f) => fieldName(f.path))).toEqual([]);
  });
});

/** One generated case per collection, field and kind of bad value. */
const cases = fields.flatMap(([collection, list]) =>
  list
    .filter((f) => !f.enumerated)
    .flatMap((f) => [
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
    rmSync(root, { recursive: true, force: true });
    const named = lines.filter((l) => l.includes(`${folder}/${name}: 字段 ${field}：`));
    expect(named, lines.join('\n')).not.toEqual([]);
    for (const line of lines) expect(line).not.toContain('\n');
    if (kind === 'control') expect(named.join('\n')).toContain('控制字符');
  });
});

describe('strict schemas', () => {
  /** Every object node of a JSON Schema, with its path. */
  const objects = (node: Record<string, unknown>, at = ''): [string, Record<string, unknown>][] => {
    const out: [string, Record<string, unknown>][] = [];
    if (node.properties) out.push([at || '(root)', node]);
    for (const [k, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) out.push(...objects(child, `${at}.${k}`));
    if (node.items) out.push(...objects(node.items as Record<string, unknown>, `${at}[]`));
    for (const branch of (node.anyOf ?? []) as Record<string, unknown>[]) out.push(...objects(branch, at));
    return out;
  };
  it.each(COLLECTIONS)('%s refuses undeclared keys at every level (slug included)', (name) => {
    const schema = z.toJSONSchema(validatorSchemas[name], { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const loose = objects(schema)
      .filter(([, n]) => n.additionalProperties !== false)
      .map(([p]) => p);
    expect(loose).toEqual([]);
    expect(validatorSchemas[name].safeParse({ slug: 'other-entry' }).error?.issues.some((i) => i.code === 'unrecognized_keys' && i.keys.includes('slug'))).toBe(
      true,
    );
  });
});

describe('reserved page ids', () => {
  it('hold every first address segment of the site’s own routes, so no page can take one', () => {
    const segments = readdirSync('src/pages')
      .filter((f) => !f.startsWith('['))
      .map((f) => f.replace(/\.(astro|ts)$/, '').replace(/\.(xml|ics|json|txt)$/, ''));
    for (const segment of segments) expect(RESERVED_PAGE_IDS.has(segment), segment).toBe(true);
  });
});

describe('reserved school ids', () => {
  /** The address segments a folder of src/pages/school gives its own pages (files and folders not named by a parameter). */
  const segments = (dir: string) =>
    readdirSync(dir)
      .filter((f) => !f.startsWith('['))
      .map((f) => f.replace(/\.(astro|ts)$/, ''))
      // lessons.json and the like: ids have no dots, so no entry can take a file's address.
      .filter((f) => f !== 'index' && !f.includes('.'));

  it('hold every segment of the school’s own pages beside the courses', () => {
    expect(segments('src/pages/school').length).toBeGreaterThan(0);
    for (const segment of segments('src/pages/school')) expect(RESERVED_COURSE_IDS.has(segment), segment).toBe(true);
  });

  it('hold every segment of a course’s own pages beside its lessons: the exam and the syllabus pages', () => {
    const pageSegment = syllabusPages(
      Array.from({ length: 100 }, (_, i) => i),
      'x',
    )[1]?.path?.split('/')[0];
    expect(pageSegment).toBe('page');
    for (const segment of [...segments('src/pages/school/[course]'), pageSegment ?? '']) expect(RESERVED_LESSON_IDS.has(segment), segment).toBe(true);
  });

  it.each([
    ['lessons', 'page', 'xinren-01-zhineng.md', '/school/<课程>/page/'],
    ['lessons', 'exam', 'xinren-01-zhineng.md', '/school/<课程>/exam/'],
    ['courses', 'record', 'xinren-peixun.md', '/school/record/'],
  ])('a %s file named “%s” is refused with one line naming the file', (folder, id, template, address) => {
    const root = path.join(temp, `reserved-${folder}-${id}`);
    cpSync(BASE, root, { recursive: true });
    cpSync(path.join(root, folder, template), path.join(root, folder, `${id}.md`));
    const lines = validateContent(root).map(formatProblem);
    rmSync(root, { recursive: true, force: true });
    const named = lines.filter((l) => l.includes(`${folder}/${id}.md: `));
    expect(named, lines.join('\n')).toHaveLength(1);
    expect(named[0]).toContain(`文件名“${id}”`);
    expect(named[0]).toContain(address);
    expect(named[0]).not.toContain('\n');
  });
});

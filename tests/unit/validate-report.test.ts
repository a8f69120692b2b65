import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/t.ts';
import { contentReport } from '../../src/lib/schema/validate.node.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'validate-report-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('contentReport, the validate-and-report step of build, validate and bench', () => {
  it('is undefined for valid content', () => expect(contentReport('tests/fixtures/content-min')).toBeUndefined());

  it('gives a heading with the count, then one indented line per problem naming file and field', () => {
    const root = path.join(temp, 'bad-date');
    cpSync('tests/fixtures/content-min', root, { recursive: true });
    cpSync('tests/fixtures/bad-content/bad-date', root, { recursive: true });
    const lines = contentReport(root)!.split('\n');
    expect(lines[0]).toBe(t('validate.failed', { count: lines.length - 1 }));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S+\.(md|yaml): /);
  });
});

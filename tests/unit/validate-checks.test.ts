/**
 * The content check as a list of named checks (issue 24), and the pieces that keep one file
 * from hanging it: YAML anchors refused with their line, nesting bounded.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_CHECKS, CONTENT_LIMITS, FILE_CHECKS, loadYaml } from '../../src/lib/schema/validate.node.ts';

describe('validateContent runs a list of named checks', () => {
  it('every check has its own name', () => {
    const names = [...CONTENT_CHECKS, ...FILE_CHECKS].map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(CONTENT_CHECKS[0]!.name).toBe('files');
    expect(FILE_CHECKS.map((c) => c.name)).toEqual([
      'file-name',
      'header',
      'body-size',
      'control-characters',
      'body-depth',
      'body-safety',
      'body-images',
      'schema',
      'lesson-citations',
    ]);
  });
});

describe('loadYaml', () => {
  it('reads plain YAML as js-yaml does', () => expect(loadYaml('a: 1\nb: [x, "&y", "*z"]\nc: A & B\n')).toEqual({ a: 1, b: ['x', '&y', '*z'], c: 'A & B' }));

  it.each([
    ['an anchor and an alias', 'a: 1\nb: &x [1, 2]\nc: *x\n', 2],
    ['an anchor alone', 'title: &t 标题\n', 1],
    ['a merge key', 'base: &b {x: 1}\nitem:\n  <<: *b\n', 1],
    ['a billion laughs', 'x: 1\na: &a [哈, 哈]\nb: &b [*a, *a]\nc: [*b, *b]\n', 2],
  ])('refuses %s, naming the line of the first anchor', (_, text, line) => {
    let thrown: unknown;
    const started = performance.now();
    try {
      loadYaml(text);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { line?: number })?.line).toBe(line);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses nesting past the limit', () => {
    const deep = `x: ${'['.repeat(CONTENT_LIMITS.yamlDepth + 5)}1${']'.repeat(CONTENT_LIMITS.yamlDepth + 5)}`;
    expect(() => loadYaml(deep)).toThrow(/maxDepth/);
  });
});

describe('the sanitiser report on a deeply nested body', () => {
  it('reports the nesting instead of overflowing the stack (1,000 quotes after inline HTML)', async () => {
    const { sanitiserRemovals, treeDepth, parseBody } = await import('../../src/lib/sanitize-report.ts');
    const body = `<b>粗</b>\n\n${'>'.repeat(1000)} 深处\n`;
    expect(treeDepth(parseBody(body))).toBeGreaterThan(64);
    expect(sanitiserRemovals(body)).toEqual(['嵌套过深的内容（超过 64 层）']);
    expect(sanitiserRemovals('<b>粗</b> 与 <script>x()</script>')).toContain('不允许的 HTML 标签 <script>');
  });
});

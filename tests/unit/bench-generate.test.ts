/**
 * The benchmark's content generator: deterministic for a seed, valid for the site's schemas,
 * and realistic in size and language.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTRIES_PER_YEAR, generateContent, mulberry32, spanDays, splitCounts } from '../../scripts/bench/generate.ts';
import { validateContent } from '../../src/lib/schema/validate.node.ts';
import { bodyOf } from '../../src/lib/front-matter.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'bench-generate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every file under `root` with its content, keyed by relative path. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(root, full), readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return files;
}

describe('mulberry32', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = mulberry32(7),
      b = mulberry32(7),
      c = mulberry32(8);
    const seqA = [a(), a(), a()],
      seqB = [b(), b(), b()],
      seqC = [c(), c(), c()];
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('splitCounts', () => {
  it.each([50, 200, 1000, 10_000, 7])('splits %i entries into exactly that many', (n) => {
    const counts = splitCounts(n);
    expect(Object.values(counts).reduce((s, v) => s + v, 0)).toBe(n);
  });
});

describe('generateContent', () => {
  const one = path.join(temp, 'one');
  const result = generateContent({ n: 50, seed: 42, out: one });
  const files = snapshot(one);

  it('writes a content root the site validator accepts', () => {
    expect(validateContent(one)).toEqual([]);
  });

  it('writes N generated entries plus the copied collections', () => {
    const generated = [...files.keys()].filter((f) => /^(news|activities|lessons|theory|exchange|diary)\//.test(f));
    expect(generated).toHaveLength(50);
    expect(files.has('settings/site.yaml')).toBe(true);
    expect(result.stations).toBeGreaterThanOrEqual(1);
  });

  it('gives byte-identical output for the same seed', () => {
    const two = path.join(temp, 'two');
    generateContent({ n: 50, seed: 42, out: two });
    expect(snapshot(two)).toEqual(files);
  });

  it('gives different output for another seed', () => {
    const three = path.join(temp, 'three');
    generateContent({ n: 50, seed: 43, out: three });
    expect(snapshot(three)).not.toEqual(files);
  });

  it('uses ASCII file names that are unique', () => {
    for (const f of files.keys()) expect(f).toMatch(/^[a-z]+\/[a-z0-9-]+\.(md|yaml)$/);
  });

  it('writes news of 400–1200 characters of Chinese in several paragraphs', () => {
    const news = [...files].filter(([f]) => f.startsWith('news/')).map(([, t]) => bodyOf(t));
    expect(news.length).toBeGreaterThan(0);
    for (const text of news) {
      const chars = text.replace(/\s/g, '').length;
      expect(chars).toBeGreaterThanOrEqual(400);
      expect(chars).toBeLessThanOrEqual(1200);
      expect(text.trim().split(/\n\n/).length).toBeGreaterThanOrEqual(2);
      expect(text).toMatch(/[楼宇企业服务党员]/);
      expect(text).not.toMatch(/lorem|ipsum/i);
    }
  });

  it('numbers the lessons of each course without repeating an order', () => {
    const orders = new Map<string, Set<number>>();
    for (const [f, t] of files) {
      if (!f.startsWith('lessons/')) continue;
      const course = /\ncourse: (\S+)/.exec(t)?.[1] ?? '';
      const order = Number(/\norder: (\d+)/.exec(t)?.[1]);
      const seen = orders.get(course) ?? new Set<number>();
      expect(seen.has(order)).toBe(false);
      seen.add(order);
      orders.set(course, seen);
    }
    expect(orders.size).toBeGreaterThan(0);
  });
});

describe('spanDays: generated dates span about N / 6,000 years, as a district publishes', () => {
  it.each([
    [200, 1061],
    [10000, 1061],
    [20000, Math.ceil((20000 / ENTRIES_PER_YEAR) * 365.25)],
    [60000, 3653],
  ])('N = %i spans %i days', (n, days) => {
    expect(spanDays(n)).toBe(days);
  });
});

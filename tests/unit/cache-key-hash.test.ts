import { describe, expect, it } from 'vitest';
import { hashParts } from '../../src/lib/cache-key-hash.node.ts';

describe('hashParts, the hash of incremental-build cache keys', () => {
  it('is stable for the same parts', () => {
    expect(hashParts(['新闻', 'a'])).toBe(hashParts(['新闻', 'a']));
    expect(hashParts(['x'])).toMatch(/^[0-9a-f]{64}$/);
  });
  it.each([
    ['a boundary moved between parts', ['ab', 'c'], ['a', 'bc']],
    ['a part added', ['a'], ['a', '']],
    ['the order of parts', ['a', 'b'], ['b', 'a']],
  ])('changes with %s', (_, a, b) => {
    expect(hashParts(a)).not.toBe(hashParts(b));
  });
});

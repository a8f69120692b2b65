import { describe, expect, it } from 'vitest';
import { editTarget } from '../../scripts/bench/measure.ts';

describe('the shard the bench edits one entry of', () => {
  it('is the newest dated shard with pages, past the base and the school shard', () => {
    const shards = [
      { id: 'base', pages: 38 },
      { id: 'school', pages: 6000 },
      { id: '2027', pages: 0 },
      { id: '2026', pages: 4818 },
      { id: '2025', pages: 5468 },
    ];
    expect(editTarget(shards)?.id).toBe('2026');
    expect(
      editTarget([
        { id: 'base', pages: 3 },
        { id: '2026-10', pages: 9 },
      ])?.id,
    ).toBe('2026-10');
    expect(
      editTarget([
        { id: 'base', pages: 3 },
        { id: 'school', pages: 9 },
      ]),
    ).toBeUndefined();
  });
});

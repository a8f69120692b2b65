import { describe, expect, it } from 'vitest';
import { speakableChunks } from '../../src/lib/speech.ts';

describe('speakableChunks', () => {
  it('splits at Chinese sentence ends and line breaks', () => {
    expect(speakableChunks('第一句。第二句！\n标题\n第三句？')).toEqual(['第一句。', '第二句！', '标题', '第三句？']);
  });
  it('cuts a sentence longer than the limit', () => {
    const chunks = speakableChunks('字'.repeat(250), 100);
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 50]);
  });
  it('drops empty pieces', () => expect(speakableChunks('  \n\n ')).toEqual([]));
});

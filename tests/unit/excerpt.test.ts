import { describe, expect, it } from 'vitest';
import { excerptPieces } from '../../src/lib/search/excerpt.ts';

describe.each([
  ['plain text', '工作站召开会议', [{ text: '工作站召开会议', mark: false }]],
  [
    'a marked match',
    '领秀<mark>工作站</mark>召开',
    [
      { text: '领秀', mark: false },
      { text: '工作站', mark: true },
      { text: '召开', mark: false },
    ],
  ],
  ['escaped markup stays text', '&lt;img src=x onerror=alert(1)&gt;', [{ text: '<img src=x onerror=alert(1)>', mark: false }]],
  ['an unexpected tag is dropped', 'a<img src=x onerror=alert(1)>b', [{ text: 'ab', mark: false }]],
  ['numeric references', '&#x27;引号&#39;', [{ text: "'引号'", mark: false }]],
])('excerptPieces: %s', (_, excerpt, expected) => {
  it('yields text pieces only', () => expect(excerptPieces(excerpt)).toEqual(expected));
});

import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../../src/lib/stations/station-filter.ts';

const lingxiu = { street: 'gucheng', services: ['党建工作站', '妇联工作站'], text: '古城街道领秀大厦工作站 领秀大厦 首特科技孵化器有限责任公司' };
const all = { street: '', service: '', text: '' };

describe('matchesFilter', () => {
  it.each([
    ['no criteria', all, true],
    ['its street', { ...all, street: 'gucheng' }, true],
    ['another street', { ...all, street: 'bajiao' }, false],
    ['a service it offers', { ...all, service: '妇联工作站' }, true],
    ['a service it lacks', { ...all, service: '团建工作站' }, false],
    ['a second building name', { ...all, text: '首特' }, true],
    ['text with spaces', { ...all, text: ' 领秀 大厦 ' }, true],
    ['unrelated text', { ...all, text: '万商' }, false],
    ['all criteria together', { street: 'gucheng', service: '党建工作站', text: '领秀' }, true],
    ['one failing criterion among matching ones', { street: 'gucheng', service: '团建工作站', text: '领秀' }, false],
  ])('%s → %s', (_, criteria, expected) => expect(matchesFilter(lingxiu, criteria)).toBe(expected));
});

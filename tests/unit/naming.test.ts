import { describe, expect, it } from 'vitest';
import { NamingError, stationName, stationShortName } from '../../src/lib/stations/naming.ts';

const b = (...names: string[]) => names.map((name) => ({ name }));

describe('stationName derives the official name <street><main building>工作站', () => {
  it.each([
    ['single building', '八角街道', b('银杏大厦'), '八角街道银杏大厦工作站'],
    ['joint station named after its first building', '古城街道', b('领秀大厦', '首特科技孵化器有限责任公司'), '古城街道领秀大厦工作站'],
    ['鲁谷社区 is a community, not a street', '鲁谷社区', b('芙蓉大厦'), '鲁谷社区芙蓉大厦工作站'],
    ['surrounding spaces are trimmed', ' 老山街道 ', b(' 紫藤大厦 '), '老山街道紫藤大厦工作站'],
  ])('%s', (_, street, buildings, expected) => {
    expect(stationName({ street, buildings })).toBe(expected);
  });

  it.each([
    ['a street not ending in 街道 or 社区', '古城', b('领秀大厦')],
    ['an empty street', '', b('领秀大厦')],
    ['no buildings', '古城街道', []],
    ['an empty main building', '古城街道', b('  ')],
    ['a building already named 工作站', '古城街道', b('领秀大厦工作站')],
  ])('rejects %s with a NamingError', (_, street, buildings) => {
    expect(() => stationName({ street, buildings })).toThrow(NamingError);
  });
});

describe('stationShortName', () => {
  it.each([
    [b('银杏大厦'), '银杏大厦'],
    [b('小山环保大厦', '莱亚西大厦', '诚海大厦'), '小山环保大厦等3座楼宇'],
  ])('%j → %s', (buildings, expected) => expect(stationShortName({ buildings })).toBe(expected));
});

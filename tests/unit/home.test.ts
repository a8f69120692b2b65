import { describe, expect, it } from 'vitest';
import { headlineFigures, stationsByStreet } from '../../src/lib/stations/home.ts';

describe('headlineFigures', () => {
  it.each([
    [[], { stations: 0, buildings: 0, streets: 0 }],
    [[{ streetId: 'gucheng', buildings: 2 }], { stations: 1, buildings: 2, streets: 1 }],
    [
      [
        { streetId: 'gucheng', buildings: 2 },
        { streetId: 'bajiao', buildings: 3 },
        { streetId: 'gucheng', buildings: 1 },
      ],
      { stations: 3, buildings: 6, streets: 2 },
    ],
  ])('joint stations count each building: %j', (input, expected) => expect(headlineFigures(input)).toEqual(expected));
});

describe('stationsByStreet', () => {
  it('keeps street order and drops streets without stations', () => {
    const streets = [{ id: 'a', name: 'A街道' }, { id: 'b', name: 'B街道' }, { id: 'c', name: 'C街道' }];
    const stations = [{ id: 's1', streetId: 'c' }, { id: 's2', streetId: 'a' }, { id: 's3', streetId: 'c' }];
    expect(stationsByStreet(streets, stations).map((g) => [g.street.id, g.stations.map((s) => s.id)])).toEqual([
      ['a', ['s2']],
      ['c', ['s1', 's3']],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { totals, type FigureStation } from '../../src/lib/stations/figures.ts';
import { headlineFigures, stationsByStreet } from '../../src/lib/stations/home.ts';

const named = (...names: string[]) => names.map((name) => ({ name }));

describe('headlineFigures', () => {
  it.each([
    [[], { stations: 0, buildings: 0, streets: 0 }],
    [[{ streetId: 'gucheng', buildings: named('万商大厦', '长城大厦') }], { stations: 1, buildings: 2, streets: 1 }],
    [
      [
        { streetId: 'gucheng', buildings: named('a', 'b') },
        { streetId: 'bajiao', buildings: named('c', 'd', 'e') },
        { streetId: 'gucheng', buildings: named('f') },
      ],
      { stations: 3, buildings: 6, streets: 2 },
    ],
  ])('joint stations count each building: %j', (input, expected) => expect(headlineFigures(input)).toEqual(expected));

  it('a building listed twice counts once, and the home page agrees with /stations/ (figures.totals)', () => {
    const building = (name: string) => ({ name, area: 1000, companies: 1, employees: 10, employeesUnder35: 5 });
    const station = {
      buildings: [building('万商大厦'), building('长城大厦'), building('万商大厦 ')],
      services: [],
      office: { kind: '独立', area: 50 },
      equipment: [],
      staff: { fullTime: 1, partTime: 0, formerSecretaries: 0, socialWorkers: 0 },
      output: 0,
      partyOrganisations: 1,
      partyMembers: 3,
      mobilePartyMembers: 0,
    } satisfies FigureStation;
    const home = headlineFigures([{ streetId: 'gucheng', buildings: station.buildings }]);
    expect(home.buildings).toBe(2);
    expect(home.buildings).toBe(totals([station]).buildings);
  });
});

describe('stationsByStreet', () => {
  it('keeps street order and drops streets without stations', () => {
    const streets = [
      { id: 'a', name: 'A街道' },
      { id: 'b', name: 'B街道' },
      { id: 'c', name: 'C街道' },
    ];
    const stations = [
      { id: 's1', streetId: 'c' },
      { id: 's2', streetId: 'a' },
      { id: 's3', streetId: 'c' },
    ];
    expect(stationsByStreet(streets, stations).map((g) => [g.street.id, g.stations.map((s) => s.id)])).toEqual([
      ['a', ['s2']],
      ['c', ['s1', 's3']],
    ]);
  });
});

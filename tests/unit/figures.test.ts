import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BANDS,
  bandCounts,
  hasAllServices,
  inBand,
  meetsFiveOnes,
  percent,
  formatNumber,
  stationRow,
  stationSize,
  totals,
  type BandedFigure,
  type FigureStation,
} from '../../src/lib/stations/figures.ts';
import { loadStations } from './support/stations.node.ts';

/** A station with small defaults; tests override what they look at. */
function station(over: Partial<FigureStation> = {}): FigureStation {
  return {
    buildings: [{ name: '甲楼', area: 1000, companies: 10, employees: 100, employeesUnder35: 50 }],
    services: ['党建工作站'],
    office: { kind: '独立', area: 20 },
    equipment: [],
    staff: { fullTime: 1, partTime: 0, formerSecretaries: 0, socialWorkers: 1 },
    output: 100,
    partyOrganisations: 1,
    partyMembers: 10,
    mobilePartyMembers: 4,
    ...over,
  };
}

const building = (name: string, area: number, companies = 0, employees = 0, employeesUnder35 = 0) => ({
  name,
  area,
  companies,
  employees,
  employeesUnder35,
});

describe('a joint station sums its buildings', () => {
  it('adds area, companies and employees over its buildings', () => {
    const s = station({ buildings: [building('甲楼', 6000, 30, 400, 200), building('乙楼', 4500, 12, 150, 90)] });
    expect(stationSize(s)).toEqual({ area: 10500, companies: 42, employees: 550, employeesUnder35: 290 });
  });

  it('counts each building once even if listed twice', () => {
    const s = station({ buildings: [building('甲楼', 6000, 30, 400, 200), building('甲楼', 6000, 30, 400, 200)] });
    expect(stationSize(s).area).toBe(6000);
    expect(totals([s]).buildings).toBe(1);
    expect(totals([s]).jointStations).toBe(0);
  });

  it('puts a joint station in the band of its summed area', () => {
    const s = station({ buildings: [building('甲楼', 6000), building('乙楼', 4000)] });
    expect(bandCounts([s], 'area').map((b) => b.count)).toEqual([1, 0, 0]);
  });
});

describe('bands are half-open intervals [min, max)', () => {
  const cases: [BandedFigure, number, number][] = [
    // figure, value, index of the band it belongs to (0 = largest)
    ['area', 10000, 0],
    ['area', 9999.9, 1],
    ['area', 5000, 1],
    ['area', 4999.5, 2],
    ['output', 10000, 0],
    ['output', 9999, 1],
    ['output', 2000, 1],
    ['output', 1999.99, 2],
    ['output', 0, 2],
    ['companies', 80, 0],
    ['companies', 79, 1],
    ['companies', 40, 1],
    ['companies', 39, 2],
    ['employees', 1000, 0],
    ['employees', 999, 1],
    ['employees', 500, 1],
    ['employees', 499, 2],
    ['employees', 0, 2],
  ];
  it.each(cases)('%s %d falls in band %d', (figure, value, index) => {
    const matches = BANDS[figure].map((band) => inBand(value, band));
    expect(matches.indexOf(true)).toBe(index);
    expect(matches.filter(Boolean)).toHaveLength(1);
  });

  it.each(Object.keys(BANDS) as BandedFigure[])('%s bands cover 0 to infinity without gaps', (figure) => {
    const bands = [...BANDS[figure]].sort((a, b) => a.min - b.min);
    expect(bands[0]?.min).toBe(0);
    expect(bands.at(-1)?.max).toBe(Infinity);
    bands.slice(1).forEach((b, i) => expect(b.min).toBe(bands[i]?.max));
  });

  it('counts stations per band from the station data', () => {
    const s = (companies: number) => station({ buildings: [building('楼', 100, companies)] });
    expect(bandCounts([s(80), s(120), s(79), s(40), s(39), s(0)], 'companies').map((b) => b.count)).toEqual([2, 2, 2]);
    expect(bandCounts([station({ output: 10000 }), station({ output: 2000 })], 'output').map((b) => b.count)).toEqual([1, 1, 0]);
  });
});

describe('standards', () => {
  it.each([
    [['电脑', '电话', '办公桌', '打印机', '书柜'], true],
    [['书柜', '打印机', '办公桌', '电话', '电脑'], true],
    [['电脑', '电话', '办公桌', '打印机'], false],
    [[], false],
  ])('五个一 with %j is %s', (equipment, expected) => {
    expect(meetsFiveOnes(station({ equipment }))).toBe(expected);
  });

  it.each([
    [['党建工作站', '社会工作站', '工会工作站', '团建工作站', '妇联工作站'], true],
    [['党建工作站', '社会工作站', '工会工作站', '团建工作站'], false],
  ])('五站合一 with %j is %s', (services, expected) => {
    expect(hasAllServices(station({ services }))).toBe(expected);
  });

  it.each([
    [292, 636, 46],
    [1, 3, 33],
    [1, 2, 50],
    [5, 0, 0],
  ])('percent(%d, %d) = %d', (part, whole, expected) => expect(percent(part, whole)).toBe(expected));
});

const REPORT = {
  stations: 31,
  buildings: 35,
  jointStations: 3,
  staffFullTime: 32,
  formerSecretaries: 10,
  socialWorkers: 22,
  staffPartTime: 30,
  companies: 1470,
  under35Percent: 60,
  partyOrganisations: 38,
  partyMembers: 636,
  mobilePartyMembers: 292,
  mobilePercent: 46,
};

describe('the demo stations reproduce the report (report 一)', () => {
  const stations = loadStations('content');
  const all = totals(stations);

  it('has the report totals', () => {
    expect(all).toMatchObject(REPORT);
    expect(all.employees).toBeGreaterThanOrEqual(15500);
    expect(all.employees).toBeLessThan(16500);
  });

  it('has 23 own offices and 8 shared with the property management', () => {
    expect(all.offices).toEqual([
      { kind: '独立', count: 23 },
      { kind: '与物业合用', count: 8 },
    ]);
  });

  it('gives every station at least one full-time worker', () => {
    expect(stations.filter((s) => s.staff.fullTime < 1)).toEqual([]);
  });

  it.each([
    ['area', [16, 8, 7]],
    ['output', [6, 11, 14]],
    ['companies', [7, 11, 13]],
    ['employees', [6, 5, 20]],
  ] as [BandedFigure, number[]][])('%s bands are %j', (figure, expected) => {
    expect(bandCounts(stations, figure).map((b) => b.count)).toEqual(expected);
  });

  it('has the three joint stations of the report', () => {
    const joint = stations.filter((s) => s.buildings.length > 1).map((s) => s.buildings.map((b) => b.name));
    expect(joint).toEqual(
      expect.arrayContaining([
        ['领秀大厦', '首特科技孵化器有限责任公司'],
        ['万商大厦', '长城大厦'],
        ['小山环保大厦', '莱亚西大厦', '诚海大厦'],
      ]),
    );
  });

  it('has 领秀大厦 in 古城街道 offering all five services', () => {
    const lingxiu = stations.find((s) => s.id === 'lingxiu');
    expect(lingxiu?.street.id).toBe('gucheng');
    expect(lingxiu && hasAllServices(lingxiu) && meetsFiveOnes(lingxiu)).toBe(true);
  });
});

describe('figures follow the files (nothing is typed in)', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('moves when a station is added and another changed', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stations-'));
    cpSync('content/stations', path.join(dir, 'stations'), { recursive: true });
    const before = totals(loadStations(dir));
    const beforeBands = bandCounts(loadStations(dir), 'companies').map((b) => b.count);

    // A new single-building station with 90 companies and 2 party organisations.
    const extra = readFileSync(path.join(dir, 'stations', 'anning.md'), 'utf8')
      .replace('name: 安宁大厦', 'name: 测试大厦')
      .replace(/companies: \d+/, 'companies: 90')
      .replace(/partyOrganisations: \d+/, 'partyOrganisations: 2');
    writeFileSync(path.join(dir, 'stations', 'ceshi.md'), extra);
    // 领秀大厦's office becomes shared and it gains 10 party members.
    const lingxiu = path.join(dir, 'stations', 'lingxiu.md');
    writeFileSync(lingxiu, readFileSync(lingxiu, 'utf8').replace('kind: 独立', 'kind: 与物业合用').replace('partyMembers: 58', 'partyMembers: 68'));

    const stations = loadStations(dir);
    const after = totals(stations);
    expect(after.stations).toBe(before.stations + 1);
    expect(after.buildings).toBe(before.buildings + 1);
    expect(after.companies).toBe(before.companies + 90);
    expect(after.partyOrganisations).toBe(before.partyOrganisations + 2);
    expect(after.partyMembers).toBe(before.partyMembers + 10 + stations.find((s) => s.id === 'ceshi')!.partyMembers);
    // 领秀大厦 leaves 独立; it and the copy of 安宁大厦 (a shared office) join 与物业合用.
    expect(after.offices).toEqual([
      { kind: '独立', count: 22 },
      { kind: '与物业合用', count: 10 },
    ]);
    const afterBands = bandCounts(stations, 'companies').map((b) => b.count);
    expect(afterBands).toEqual([beforeBands[0]! + 1, beforeBands[1], beforeBands[2]]);
  });
});

describe('stationRow', () => {
  it('lists a joint station with its summed figures', () => {
    const row = stationRow(station({ buildings: [building('甲楼', 6000, 30, 400, 200), building('乙楼', 4500, 12, 150, 90)], output: 2500 }));
    expect(row).toMatchObject({ buildings: 2, area: 10500, companies: 42, employees: 550, employeesUnder35: 290, output: 2500 });
  });
  it('formats numbers the Chinese way', () => expect(formatNumber(15980)).toBe('15,980'));
});

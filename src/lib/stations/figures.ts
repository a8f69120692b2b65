/**
 * The district's figures (report 一), computed from the station data and nothing else. Every
 * number on /stats/ comes from here; none is typed into a page. The functions take plain objects
 * shaped like the parsed station schema so tests need no Astro.
 */
import { EQUIPMENT, OFFICE_KINDS, STATION_SERVICES } from '../schema/enums.ts';
import { t } from '../../i18n/t.ts';

/** A building as the station schema gives it. */
export interface FigureBuilding {
  name: string;
  area: number;
  companies: number;
  employees: number;
  employeesUnder35: number;
}

/** The parts of a parsed station the figures read. */
export interface FigureStation {
  buildings: readonly FigureBuilding[];
  services: readonly string[];
  office: { kind: string; area: number };
  equipment: readonly string[];
  staff: { fullTime: number; partTime: number; formerSecretaries: number; socialWorkers: number };
  output: number;
  partyOrganisations: number;
  partyMembers: number;
  mobilePartyMembers: number;
}

/** A station's size: sums over its buildings, each building counted once. */
export interface StationSize {
  area: number;
  companies: number;
  employees: number;
  employeesUnder35: number;
}

/** The buildings of a station without repeats (by name), in their order. */
export function uniqueBuildings(buildings: readonly FigureBuilding[]): FigureBuilding[] {
  const seen = new Set<string>();
  return buildings.filter((b) => {
    const key = b.name.trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Area, companies and employees of one station, summed over its buildings. */
export function stationSize(station: Pick<FigureStation, 'buildings'>): StationSize {
  return uniqueBuildings(station.buildings).reduce<StationSize>(
    (sum, b) => ({
      area: sum.area + b.area,
      companies: sum.companies + b.companies,
      employees: sum.employees + b.employees,
      employeesUnder35: sum.employeesUnder35 + b.employeesUnder35,
    }),
    { area: 0, companies: 0, employees: 0, employeesUnder35: 0 },
  );
}

/** Whether a station has all five items of the "五个一" equipment standard. */
export function meetsFiveOnes(station: Pick<FigureStation, 'equipment'>): boolean {
  return EQUIPMENT.every((item) => station.equipment.includes(item));
}

/** Whether a station offers all five services ("五站合一"). */
export function hasAllServices(station: Pick<FigureStation, 'services'>): boolean {
  return STATION_SERVICES.every((s) => station.services.includes(s));
}

/** A share as a whole percentage (0.459 → 46); 0 when there is nothing to divide. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

export interface Totals {
  stations: number;
  jointStations: number;
  buildings: number;
  staffFullTime: number;
  staffPartTime: number;
  formerSecretaries: number;
  socialWorkers: number;
  /** Stations per office kind, in the order of OFFICE_KINDS. */
  offices: { kind: (typeof OFFICE_KINDS)[number]; count: number }[];
  area: number;
  output: number;
  companies: number;
  employees: number;
  employeesUnder35: number;
  /** Under-35 employees as a whole percentage of all employees. */
  under35Percent: number;
  partyOrganisations: number;
  partyMembers: number;
  mobilePartyMembers: number;
  /** Mobile party members as a whole percentage of all party members. */
  mobilePercent: number;
  /** Stations meeting the "五个一" standard. */
  fiveOnes: number;
  /** Stations offering all five services. */
  allServices: number;
}

const sum = <T>(items: readonly T[], pick: (item: T) => number) => items.reduce((n, item) => n + pick(item), 0);

/** The district totals of report 一. */
export function totals(stations: readonly FigureStation[]): Totals {
  const sizes = stations.map(stationSize);
  const employees = sum(sizes, (s) => s.employees);
  const employeesUnder35 = sum(sizes, (s) => s.employeesUnder35);
  const partyMembers = sum(stations, (s) => s.partyMembers);
  const mobilePartyMembers = sum(stations, (s) => s.mobilePartyMembers);
  return {
    stations: stations.length,
    jointStations: stations.filter((s) => uniqueBuildings(s.buildings).length > 1).length,
    buildings: sum(stations, (s) => uniqueBuildings(s.buildings).length),
    staffFullTime: sum(stations, (s) => s.staff.fullTime),
    staffPartTime: sum(stations, (s) => s.staff.partTime),
    formerSecretaries: sum(stations, (s) => s.staff.formerSecretaries),
    socialWorkers: sum(stations, (s) => s.staff.socialWorkers),
    offices: OFFICE_KINDS.map((kind) => ({ kind, count: stations.filter((s) => s.office.kind === kind).length })),
    area: sum(sizes, (s) => s.area),
    output: sum(stations, (s) => s.output),
    companies: sum(sizes, (s) => s.companies),
    employees,
    employeesUnder35,
    under35Percent: percent(employeesUnder35, employees),
    partyOrganisations: sum(stations, (s) => s.partyOrganisations),
    partyMembers,
    mobilePartyMembers,
    mobilePercent: percent(mobilePartyMembers, partyMembers),
    fiveOnes: stations.filter(meetsFiveOnes).length,
    allServices: stations.filter(hasAllServices).length,
  };
}

/** A half-open interval [min, max) of a per-station figure, with its Chinese label. */
export interface Band {
  min: number;
  max: number;
  label: string;
}

/** The per-station figures the report groups into bands. */
export type BandedFigure = 'area' | 'output' | 'companies' | 'employees';

/**
 * The report's bands, each defined once, largest first. Units: ㎡ for area, 万元 for output
 * (1亿元 = 10000万元), companies and people for the rest.
 */
export const BANDS: Record<BandedFigure, readonly Band[]> = {
  area: [
    { min: 10000, max: Infinity, label: t('stats.band.area.large') },
    { min: 5000, max: 10000, label: t('stats.band.area.medium') },
    { min: 0, max: 5000, label: t('stats.band.area.small') },
  ],
  output: [
    { min: 10000, max: Infinity, label: t('stats.band.output.large') },
    { min: 2000, max: 10000, label: t('stats.band.output.medium') },
    { min: 0, max: 2000, label: t('stats.band.output.small') },
  ],
  companies: [
    { min: 80, max: Infinity, label: t('stats.band.companies.large') },
    { min: 40, max: 80, label: t('stats.band.companies.medium') },
    { min: 0, max: 40, label: t('stats.band.companies.small') },
  ],
  employees: [
    { min: 1000, max: Infinity, label: t('stats.band.employees.large') },
    { min: 500, max: 1000, label: t('stats.band.employees.medium') },
    { min: 0, max: 500, label: t('stats.band.employees.small') },
  ],
};

/** Whether a value falls in a band: min included, max excluded. */
export function inBand(value: number, band: Pick<Band, 'min' | 'max'>): boolean {
  return value >= band.min && value < band.max;
}

/** The value of a banded figure for one station. */
export function bandedValue(station: FigureStation, figure: BandedFigure): number {
  return figure === 'output' ? station.output : stationSize(station)[figure];
}

/** How many stations fall in each band of a figure, in the bands' order. */
export function bandCounts(stations: readonly FigureStation[], figure: BandedFigure): { band: Band; count: number }[] {
  const values = stations.map((s) => bandedValue(s, figure));
  return BANDS[figure].map((band) => ({ band, count: values.filter((v) => inBand(v, band)).length }));
}

/** One station's figures as the station table and the CSV list them. */
export interface StationRow {
  buildings: number;
  area: number;
  companies: number;
  employees: number;
  employeesUnder35: number;
  output: number;
  staffFullTime: number;
  staffPartTime: number;
  partyOrganisations: number;
  partyMembers: number;
  mobilePartyMembers: number;
}

/** The row of the station table for one station. */
export function stationRow(station: FigureStation): StationRow {
  const size = stationSize(station);
  return {
    buildings: uniqueBuildings(station.buildings).length,
    ...size,
    output: station.output,
    staffFullTime: station.staff.fullTime,
    staffPartTime: station.staff.partTime,
    partyOrganisations: station.partyOrganisations,
    partyMembers: station.partyMembers,
    mobilePartyMembers: station.mobilePartyMembers,
  };
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/** 15980 → "15,980", as pages show figures. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

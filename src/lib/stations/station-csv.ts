/** The rows of /stats/stations.csv: a header and one line per station, from the station data. */
import { toCsv } from '../csv.ts';
import { stationRow, type FigureStation } from './figures.ts';
import { t } from '../../i18n/t.ts';

export interface CsvStation {
  name: string;
  street: string;
  data: FigureStation & { buildings: readonly { name: string }[] };
}

/** The whole CSV document (with BOM) for the given stations, in their order. */
export function stationsCsv(stations: readonly CsvStation[]): string {
  const header = [
    t('stats.station'),
    t('stats.street'),
    t('stats.csv.buildings'),
    t('stats.table.area'),
    t('stats.table.companies'),
    t('stats.table.employees'),
    t('stats.table.under35'),
    t('stats.table.output'),
    t('stats.table.staffFull'),
    t('stats.table.staffPart'),
    t('stats.table.orgs'),
    t('stats.table.members'),
    t('stats.table.mobile'),
  ];
  const rows = stations.map((s) => {
    const r = stationRow(s.data);
    return [
      s.name,
      s.street,
      s.data.buildings.map((b) => b.name).join('、'),
      r.area,
      r.companies,
      r.employees,
      r.employeesUnder35,
      r.output,
      r.staffFullTime,
      r.staffPartTime,
      r.partyOrganisations,
      r.partyMembers,
      r.mobilePartyMembers,
    ];
  });
  return toCsv([header, ...rows]);
}

/** /stats/stations.csv: every station's figures, for spreadsheets. */
import type { APIRoute } from 'astro';
import { getStations } from '../../lib/collections.content.ts';
import { stationsCsv } from '../../lib/stations/station-csv.ts';

export const GET: APIRoute = async () => {
  const stations = await getStations();
  const body = stationsCsv(stations.map((s) => ({ name: s.name, street: s.street.data.name, data: s.entry.data })));
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};

/** Small computations of the home page. */
import { buildingCount, type FigureBuilding } from './figures.ts';

/**
 * Headline figures: stations, buildings (a joint station counts each of its buildings, a building
 * listed twice counts once, as on /stations/: both use figures.ts's buildingCount) and streets in use.
 */
export function headlineFigures(stations: readonly { streetId: string; buildings: readonly Pick<FigureBuilding, 'name'>[] }[]): {
  stations: number;
  buildings: number;
  streets: number;
} {
  return {
    stations: stations.length,
    buildings: stations.reduce((sum, s) => sum + buildingCount(s.buildings), 0),
    streets: new Set(stations.map((s) => s.streetId)).size,
  };
}

/** Stations grouped under their street, streets in the given order, empty streets left out. */
export function stationsByStreet<S extends { streetId: string }>(streets: readonly { id: string; name: string }[], stations: readonly S[]) {
  return streets.map((street) => ({ street, stations: stations.filter((s) => s.streetId === street.id) })).filter((g) => g.stations.length > 0);
}

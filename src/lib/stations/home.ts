/** Small computations of the home page. */

/** Headline figures: stations, buildings (a joint station counts each of its buildings) and streets in use. */
export function headlineFigures(stations: readonly { streetId: string; buildings: number }[]): { stations: number; buildings: number; streets: number } {
  return {
    stations: stations.length,
    buildings: stations.reduce((sum, s) => sum + s.buildings, 0),
    streets: new Set(stations.map((s) => s.streetId)).size,
  };
}

/** Stations grouped under their street, streets in the given order, empty streets left out. */
export function stationsByStreet<S extends { streetId: string }>(streets: readonly { id: string; name: string }[], stations: readonly S[]) {
  return streets
    .map((street) => ({ street, stations: stations.filter((s) => s.streetId === street.id) }))
    .filter((g) => g.stations.length > 0);
}

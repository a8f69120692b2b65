/**
 * Every station should say where it is and how to get there; one that hosts activities must:
 * a visitor going to an activity has to find the way. Pure: the validator hands it the parsed
 * stations and the ids of stations that activities name.
 */
import type { LatLng } from './map-links.ts';

export interface StationPlace {
  file: string;
  id: string;
  location?: (LatLng & { directions?: string }) | undefined;
}

export interface LocationFinding {
  file: string;
  field: string;
  message: string;
}

/** Errors (a host of activities without a location) and warnings (any other station without one). */
export function stationLocationFindings(
  stations: readonly StationPlace[],
  hosts: ReadonlySet<string>,
): { errors: LocationFinding[]; warnings: LocationFinding[] } {
  const errors: LocationFinding[] = [];
  const warnings: LocationFinding[] = [];
  for (const s of stations) {
    if (s.location) continue;
    if (hosts.has(s.id)) {
      errors.push({ file: s.file, field: 'location', message: '这个工作站发布了活动，但没有填写位置和到达方式：参加活动的人需要知道怎么到这里，请填写“位置”' });
    } else {
      warnings.push({ file: s.file, field: 'location', message: '没有填写位置和到达方式，工作站页面不会显示“怎么到这里”' });
    }
  }
  return { errors, warnings };
}

/** The ids of the stations that the given activities name. */
export function activityHosts(activities: readonly { station?: { id: string } | undefined }[]): Set<string> {
  return new Set(activities.flatMap((a) => (a.station ? [a.station.id] : [])));
}

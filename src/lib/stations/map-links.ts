/**
 * Links that open a station's position in the three map services Chinese readers use. The site
 * stores WGS-84 (GPS) coordinates; each service's web URI API is told so with its own
 * coordinate-system parameter, and converts to its own datum (GCJ-02 or BD-09) itself:
 *
 * - 高德地图: https://uri.amap.com/marker, `position=lng,lat`, `coordinate=wgs84`
 *   (lbs.amap.com/api/uri-api/guide/mobile-web/point).
 * - 百度地图: https://api.map.baidu.com/marker, `location=lat,lng`, `coord_type=wgs84`,
 *   `output=html` (required on the web), `src=webapp.<company>.<app>` (lbsyun.baidu.com URI API, 标注).
 * - 腾讯地图: https://apis.map.qq.com/uri/v1/marker, `marker=coord:lat,lng;title:…;addr:…`,
 *   `coord_type=1` (GPS), `referer` required (lbs.qq.com/webApi/uriV1/uriGuide/uriWebMarker).
 *
 * Nothing here loads a map: these are plain links a reader may follow.
 */

/** A WGS-84 position in decimal degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** A rectangle of WGS-84 degrees (the district's bounds in settings). */
export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export type MapService = 'amap' | 'baidu' | 'tencent';

export interface MapLink {
  service: MapService;
  href: string;
}

/** What the link shows at the pin. */
export interface Place {
  /** Name shown at the pin (the station's official name). */
  name: string;
  /** Address shown with it. */
  address: string;
}

/** The source name each service asks callers to identify themselves by. */
const SOURCE = 'louyu-dangjian';

/** Six decimals (about 0.1 m) is what the services document and all a pin needs. */
const deg = (n: number) => String(Number(n.toFixed(6)));

/** Whether a position lies inside (or on the edge of) a rectangle. */
export function insideBounds(p: LatLng, b: Bounds): boolean {
  return p.lat >= b.south && p.lat <= b.north && p.lng >= b.west && p.lng <= b.east;
}

/** Tencent's marker value uses `:` `;` `|` as separators: they may not appear inside a value. */
const tencentValue = (s: string) => s.replace(/[:;|：；｜]/g, ' ').trim();

const query = (params: [string, string][]) => params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');

/** 高德地图 marker link for a WGS-84 position. */
export function amapLink(p: LatLng, place: Place): string {
  return `https://uri.amap.com/marker?${query([
    ['position', `${deg(p.lng)},${deg(p.lat)}`],
    ['name', place.name],
    ['src', SOURCE],
    ['coordinate', 'wgs84'],
    ['callnative', '0'],
  ])}`;
}

/** 百度地图 marker link for a WGS-84 position. */
export function baiduLink(p: LatLng, place: Place): string {
  return `https://api.map.baidu.com/marker?${query([
    ['location', `${deg(p.lat)},${deg(p.lng)}`],
    ['title', place.name],
    ['content', place.address],
    ['coord_type', 'wgs84'],
    ['output', 'html'],
    ['src', `webapp.${SOURCE}.site`],
  ])}`;
}

/** 腾讯地图 marker link for a WGS-84 position. */
export function tencentLink(p: LatLng, place: Place): string {
  const marker = `coord:${deg(p.lat)},${deg(p.lng)};title:${tencentValue(place.name)};addr:${tencentValue(place.address)}`;
  return `https://apis.map.qq.com/uri/v1/marker?${query([
    ['marker', marker],
    ['coord_type', '1'],
    ['referer', SOURCE],
  ])}`;
}

/** The three links, in the order pages show them. */
export function mapLinks(p: LatLng, place: Place): MapLink[] {
  return [
    { service: 'amap', href: amapLink(p, place) },
    { service: 'baidu', href: baiduLink(p, place) },
    { service: 'tencent', href: tencentLink(p, place) },
  ];
}

/**
 * The official station name of report 三(一) 第一: "<street><main building>工作站", e.g.
 * 古城街道领秀大厦工作站. It is derived from the data, never typed.
 */

export class NamingError extends Error {}

interface NamingInput {
  /** The street office or community, e.g. 古城街道 or 鲁谷社区. */
  street: string;
  /** The station's buildings in order; the first is the main building. */
  buildings: ReadonlyArray<{ name: string }>;
}

/** A street office's or community's name: no spaces, ending in 街道 or 社区. */
export const STREET_RE = /^\S+(街道|社区)$/u;

/** Official name of a station; throws NamingError when the data cannot give a valid one. */
export function stationName({ street, buildings }: NamingInput): string {
  const s = street.trim();
  if (!STREET_RE.test(s)) throw new NamingError(`所属街道“${street}”应以“街道”或“社区”结尾`);
  const main = buildings[0]?.name.trim();
  if (!main) throw new NamingError('至少需要一座楼宇才能得出工作站名称');
  if (main.endsWith('工作站')) throw new NamingError(`楼宇名称“${main}”不应以“工作站”结尾`);
  return `${s}${main}工作站`;
}

/** Name shown where space is short: the main building and, for a joint station, "等N座楼宇". */
export function stationShortName({ buildings }: Pick<NamingInput, 'buildings'>): string {
  const main = buildings[0]?.name.trim() ?? '';
  return buildings.length > 1 ? `${main}等${buildings.length}座楼宇` : main;
}

import { describe, expect, it } from 'vitest';
import { stationsCsv } from '../../src/lib/stations/station-csv.ts';
import { loadStations } from './support/stations.node.ts';

describe('stationsCsv', () => {
  const stations = loadStations('content').map((s) => ({ name: `${s.id}站`, street: s.street.id, data: s }));
  const csv = stationsCsv(stations);
  const lines = csv.slice(1).split('\r\n').filter(Boolean);

  it('has a BOM, a header row and one row per station', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines).toHaveLength(1 + 31);
    expect(lines[0]?.split(',')).toHaveLength(13);
  });

  it('writes a joint station with its summed figures', () => {
    expect(lines.find((l) => l.startsWith('lingxiu站,'))).toBe('lingxiu站,gucheng,领秀大厦、首特科技孵化器有限责任公司,40600,138,1660,1025,26000,2,1,3,58,25');
  });

  it('quotes a name holding a comma or quote', () => {
    const first = stations[0]!;
    const out = stationsCsv([{ ...first, name: '甲,乙"丙"' }]);
    expect(out.split('\r\n')[1]?.startsWith('"甲,乙""丙""",')).toBe(true);
  });
});

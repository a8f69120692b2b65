import { describe, expect, it } from 'vitest';
import { amapLink, baiduLink, insideBounds, mapLinks, tencentLink } from '../../src/lib/stations/map-links.ts';

const pos = { lat: 39.9071234, lng: 116.2019876 };
const place = { name: '古城街道领秀大厦工作站', address: 'XX区示例路18号' };

describe('map links pin each service to a WGS-84 position', () => {
  it('高德: position is lng,lat and coordinate=wgs84', () => {
    const url = new URL(amapLink(pos, place));
    expect(url.origin + url.pathname).toBe('https://uri.amap.com/marker');
    expect(url.searchParams.get('position')).toBe('116.201988,39.907123');
    expect(url.searchParams.get('coordinate')).toBe('wgs84');
    expect(url.searchParams.get('name')).toBe(place.name);
    expect(url.searchParams.get('src')).toBe('louyu-dangjian');
  });

  it('百度: location is lat,lng, coord_type=wgs84, output=html and a webapp src', () => {
    const url = new URL(baiduLink(pos, place));
    expect(url.origin + url.pathname).toBe('https://api.map.baidu.com/marker');
    expect(url.searchParams.get('location')).toBe('39.907123,116.201988');
    expect(url.searchParams.get('coord_type')).toBe('wgs84');
    expect(url.searchParams.get('output')).toBe('html');
    expect(url.searchParams.get('title')).toBe(place.name);
    expect(url.searchParams.get('content')).toBe(place.address);
    expect(url.searchParams.get('src')).toMatch(/^webapp\.[\w-]+\.[\w-]+$/);
  });

  it('腾讯: marker is coord:lat,lng;title;addr with coord_type=1 (GPS) and a referer', () => {
    const url = new URL(tencentLink(pos, place));
    expect(url.origin + url.pathname).toBe('https://apis.map.qq.com/uri/v1/marker');
    expect(url.searchParams.get('marker')).toBe(`coord:39.907123,116.201988;title:${place.name};addr:${place.address}`);
    expect(url.searchParams.get('coord_type')).toBe('1');
    expect(url.searchParams.get('referer')).toBe('louyu-dangjian');
  });

  it('腾讯: separators inside a name cannot break the marker value', () => {
    const url = new URL(tencentLink(pos, { name: 'A;B:C|D', address: '一；二：三' }));
    expect(url.searchParams.get('marker')).toBe('coord:39.907123,116.201988;title:A B C D;addr:一 二 三');
  });

  it('names with & or # stay inside their parameter', () => {
    const url = new URL(baiduLink(pos, { name: 'A&B#C', address: 'x=y' }));
    expect(url.searchParams.get('title')).toBe('A&B#C');
    expect(url.searchParams.get('content')).toBe('x=y');
  });

  it('lists the three services in order', () => {
    expect(mapLinks(pos, place).map((l) => l.service)).toEqual(['amap', 'baidu', 'tencent']);
  });
});

describe.each([
  { name: 'inside', p: { lat: 39.9, lng: 116.2 }, inside: true },
  { name: 'on the edge', p: { lat: 39.85, lng: 116.1 }, inside: true },
  { name: 'north of it', p: { lat: 40.1, lng: 116.2 }, inside: false },
  { name: 'lat and lng swapped', p: { lat: 116.2, lng: 39.9 }, inside: false },
])('insideBounds: $name', ({ p, inside }) => {
  it(`is ${inside}`, () => {
    expect(insideBounds(p, { south: 39.85, west: 116.1, north: 39.95, east: 116.3 })).toBe(inside);
  });
});

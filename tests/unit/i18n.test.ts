import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/t.ts';
import { pickMessages } from '../../src/i18n/pick.ts';
import { zhCN, type MessageKey } from '../../src/i18n/zh-CN.ts';

const keys = Object.keys(zhCN) as MessageKey[];
const withPlaceholders = keys.filter((k) => /\{\w+\}/.test(zhCN[k]));

describe('t', () => {
  it('returns every message without placeholders as it is', () => {
    for (const key of keys.filter((k) => !withPlaceholders.includes(k))) expect(t(key)).toBe(zhCN[key]);
  });
  it('fills every placeholder of every message that has some, and refuses a missing one', () => {
    expect(withPlaceholders.length).toBeGreaterThan(10);
    for (const key of withPlaceholders) {
      const names = [...zhCN[key].matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      const params = Object.fromEntries(names.map((n) => [n, `<${n}>`]));
      const filled = t(key, params);
      expect(filled).not.toMatch(/\{\w+\}/);
      for (const n of names) expect(filled).toContain(`<${n}>`);
      expect(() => t(key)).toThrow(`i18n: "${key}" needs the parameter "${names[0]}"`);
    }
  });
});

describe('pickMessages', () => {
  it('gives the entries under the prefixes, the same each time', () => {
    const picked = pickMessages('pub.copied', 'pub.copyFailed');
    expect(Object.keys(picked).sort()).toEqual(['pub.copied', 'pub.copyFailed']);
    expect(pickMessages('pub.copied', 'pub.copyFailed')).toEqual(picked);
    const a11y = pickMessages('a11y.announce.');
    expect(Object.keys(a11y).length).toBeGreaterThan(0);
    expect(Object.keys(a11y).every((k) => k.startsWith('a11y.announce.'))).toBe(true);
  });
  it('cannot be changed by a caller (the picks are shared by every page)', () => {
    const picked = pickMessages('pub.copied') as Record<string, string>;
    expect(() => {
      picked['pub.copied'] = 'x';
    }).toThrow();
    expect(pickMessages('pub.copied')['pub.copied' as MessageKey]).toBe(zhCN['pub.copied']);
  });
});

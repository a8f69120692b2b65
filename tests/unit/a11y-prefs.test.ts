import { describe, expect, it } from 'vitest';
import { applyPrefs, loadPrefs, PRE_PAINT_SCRIPT, PREFS_KEY, savePrefs, type Prefs } from '../../src/lib/a11y-prefs.browser.ts';

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}
const fakeRoot = () => ({ dataset: {} as Record<string, string> }) as unknown as HTMLElement;

describe('loadPrefs falls back to the defaults on bad data, field by field', () => {
  it.each<[string, string | undefined, Prefs]>([
    ['nothing stored', undefined, { fontSize: 'normal', contrast: false }],
    ['not JSON', '{oops', { fontSize: 'normal', contrast: false }],
    ['JSON null', 'null', { fontSize: 'normal', contrast: false }],
    ['a JSON string', '"large"', { fontSize: 'normal', contrast: false }],
    ['unknown size, valid contrast kept', '{"fontSize":"huge","contrast":true}', { fontSize: 'normal', contrast: true }],
    ['contrast not boolean, valid size kept', '{"fontSize":"large","contrast":"yes"}', { fontSize: 'large', contrast: false }],
  ])('%s', (_, raw, expected) => {
    expect(loadPrefs(memoryStore(raw === undefined ? {} : { [PREFS_KEY]: raw }))).toEqual(expected);
  });

  it('keeps valid choices', () => {
    expect(loadPrefs(memoryStore({ [PREFS_KEY]: '{"fontSize":"xlarge","contrast":true}' }))).toEqual({ fontSize: 'xlarge', contrast: true });
  });

  it('survives a storage that refuses writes', () => {
    const store = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
    };
    expect(() => savePrefs(store, { fontSize: 'large', contrast: false })).not.toThrow();
  });
});

describe('the pre-paint script agrees with applyPrefs', () => {
  const cases: Prefs[] = [
    { fontSize: 'normal', contrast: false },
    { fontSize: 'large', contrast: false },
    { fontSize: 'xlarge', contrast: true },
    { fontSize: 'normal', contrast: true },
  ];
  it.each(cases)('%o', (prefs) => {
    const store = memoryStore();
    savePrefs(store, prefs);
    const viaModule = fakeRoot();
    applyPrefs(viaModule, loadPrefs(store));
    const viaScript = fakeRoot();
    new Function('document', 'localStorage', PRE_PAINT_SCRIPT)({ documentElement: viaScript }, store);
    const { js, ...rest } = viaScript.dataset;
    expect(js).toBe('');
    expect(rest).toEqual({ ...viaModule.dataset });
  });
});

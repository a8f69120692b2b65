// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserStore } from '../../src/lib/key-value-store.browser.ts';

describe('browserStore', () => {
  afterEach(() => vi.restoreAllMocks());

  it("is the page's localStorage where storage works", () => {
    browserStore().setItem('k', 'v');
    expect(window.localStorage.getItem('k')).toBe('v');
  });

  it('refuses every call, instead of failing on access, where storage is blocked', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const store = browserStore();
    expect(() => store.getItem('k')).toThrow(/storage unavailable/);
    expect(() => store.setItem('k', 'v')).toThrow(/storage unavailable/);
    expect(() => store.removeItem('k')).toThrow(/storage unavailable/);
  });
});

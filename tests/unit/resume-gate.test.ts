// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROGRESS_EVENT } from '../../src/lib/dom.browser.ts';
import { PROGRESS_KEY } from '../../src/lib/school/progress-key.ts';
import { PROGRESS_KEY as RECORD_KEY } from '../../src/lib/school/progress.ts';
import { gateResume, hasRecord } from '../../src/lib/school/resume-gate.browser.ts';

describe('the 继续学习 gate', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('finds a record under the key the record is saved under, and none where storage is blocked', () => {
    expect(RECORD_KEY).toBe(PROGRESS_KEY);
    expect(hasRecord()).toBe(false);
    localStorage.setItem(PROGRESS_KEY, '{}');
    expect(hasRecord()).toBe(true);
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(hasRecord()).toBe(false);
  });

  it('defines <ld-resume> only when a record is first made on the page', async () => {
    gateResume();
    await new Promise((r) => setTimeout(r, 20));
    expect(customElements.get('ld-resume')).toBeUndefined();
    document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
    await vi.waitFor(() => expect(customElements.get('ld-resume')).toBeDefined());
  });
});

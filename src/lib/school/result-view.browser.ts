/**
 * Brings the result of an action (a quiz score, an exam result, the daily verdict) into view.
 * On a phone the result is often rendered below the screen edge, or above it when the button was
 * at the top: focus moves to the result itself (so a screen reader starts reading there) and the
 * page scrolls so the result's top is at the top of the screen.
 */
export function showResult(target: HTMLElement): void {
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  const reduce = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'start', behavior: reduce ? 'instant' : 'auto' });
}

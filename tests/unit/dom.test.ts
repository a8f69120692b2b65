// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { el, messages, nodes, readIsland } from '../../src/lib/dom.browser.ts';

describe('el builds an element', () => {
  it('sets attributes: true is an empty attribute, false and undefined are left out', () => {
    const a = el('a', { href: '/news/', hidden: true, download: false, title: undefined, 'data-count': 3 });
    expect(a.outerHTML).toBe('<a href="/news/" hidden="" data-count="3"></a>');
  });

  it('appends text, numbers and nodes, and skips empty children', () => {
    const li = el('li', {}, 'a', 2, null, undefined, false, el('span', {}, 'b'));
    expect(li.outerHTML).toBe('<li>a2<span>b</span></li>');
  });

  it('never parses text as HTML', () => {
    expect(el('p', {}, '<img src=x onerror=alert(1)>').children).toHaveLength(0);
  });
});

describe("messages reads a component's data-messages", () => {
  const host = (json?: string) => {
    const div = document.createElement('div');
    if (json !== undefined) div.dataset.messages = json;
    return div;
  };
  it('fills placeholders', () => expect(messages(host('{"done":"已完成 {n} 课"}'))('done', { n: 3 })).toBe('已完成 3 课'));
  it('shows the key for a missing message', () => expect(messages(host('{}'))('school.x')).toBe('school.x'));
  it('survives a broken attribute', () => expect(messages(host('{oops'))('a')).toBe('a'));
  it('survives a missing attribute', () => expect(messages(host())('a')).toBe('a'));
});

describe('readIsland parses a JSON island inside the host', () => {
  const host = (html: string) => {
    const div = document.createElement('div');
    div.innerHTML = html;
    return div;
  };
  it('reads the matched island', () => {
    expect(readIsland(host('<script type="application/json" data-x>{"a":[1,2]}</script>'), '[data-x]')).toEqual({ a: [1, 2] });
  });
  it.each([
    ['no island', '<p></p>'],
    ['an empty island', '<script type="application/json" data-x></script>'],
    ['broken JSON', '<script type="application/json" data-x>{</script>'],
  ])('is undefined for %s', (_, html) => expect(readIsland(host(html), '[data-x]')).toBeUndefined());
});

describe('nodes drops the empty children', () => {
  it('keeps nodes and strings, turns numbers into text', () => {
    const span = document.createElement('span');
    expect(nodes('a', 0, null, undefined, false, span)).toEqual(['a', '0', span]);
  });
});

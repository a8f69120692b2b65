import { describe, expect, it } from 'vitest';
import { PUBLIC_CSP_DIRECTIVES, withoutPublicCsp } from '../../src/lib/csp.ts';

const astroMeta = `<meta http-equiv="content-security-policy" content="${PUBLIC_CSP_DIRECTIVES.join(';')}; script-src 'self' 'sha256-abc=';">`;
const adminMeta = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-eval'">`;

describe('withoutPublicCsp', () => {
  it('removes the policy Astro generated', () => {
    expect(withoutPublicCsp(`<head>${astroMeta}<title>x</title></head>`)).toBe('<head><title>x</title></head>');
  });
  it("keeps the admin page's own policy", () => {
    expect(withoutPublicCsp(`<head>${adminMeta}${astroMeta}</head>`)).toBe(`<head>${adminMeta}</head>`);
  });
  it('leaves a page without a policy alone', () => {
    expect(withoutPublicCsp('<p>x</p>')).toBe('<p>x</p>');
  });
});

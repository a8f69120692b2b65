// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor } from './src/lib/markdown.ts';
import { PUBLIC_CSP_DIRECTIVES } from './src/lib/csp.ts';

/** Absolute origin of the published site; feeds, QR codes and the sitemap use it. */
const site = process.env.SITE_URL ?? 'https://louyu.example.gov.cn';

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    mdx(),
    sitemap({
      // The CMS and printable posters are not pages a search engine should list.
      filter: (page) => !page.includes('/admin/') && !page.endsWith('/poster/'),
    }),
  ],
  markdown: {
    // Editors paste text from Word and WeChat: every Markdown body that could carry markup is
    // sanitised when rendered (src/lib/markdown.ts; defence in depth, the content validator
    // already refuses unsafe HTML with a clear line).
    processor: markdownProcessor(),
  },
  security: {
    // Strict policy for every public page, as a <meta> tag with hashes for what Astro inlines.
    // Headers that a meta tag cannot carry (frame-ancestors, HSTS, …) are set in deploy/nginx.conf.
    // /search/ adds 'wasm-unsafe-eval' for Pagefind itself; /admin/ sets its own policy.
    csp: {
      algorithm: 'SHA-256',
      directives: [...PUBLIC_CSP_DIRECTIVES],
    },
  },
  devToolbar: { enabled: false },
  server: { port: 4321, host: 'localhost' },
});

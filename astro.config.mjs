// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

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
  devToolbar: { enabled: false },
  server: { port: 4321, host: 'localhost' },
});

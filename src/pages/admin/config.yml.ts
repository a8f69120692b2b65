/** /admin/config.yml: the Decap configuration, generated from the content schemas (src/lib/schema/cms.ts). */
import type { APIRoute } from 'astro';
import yaml from 'js-yaml';
import { cmsConfig } from '../../lib/schema/cms.ts';
import { cmsWarnings } from '../../lib/schema/cms-backend.ts';
import { CONTENT_ROOT } from '../../lib/schema/content-root.ts';

export const GET: APIRoute = ({ site }) => {
  // Printed in the build log: e.g. a Gitea backend publishes without review.
  for (const warning of cmsWarnings(process.env)) console.warn(warning);
  const config = cmsConfig({ contentRoot: CONTENT_ROOT, siteUrl: String(site ?? ''), env: process.env });
  return new Response(yaml.dump(config, { lineWidth: -1, noRefs: true }), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
};

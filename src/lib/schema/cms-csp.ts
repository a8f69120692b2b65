import { cmsConnectOrigins, type CmsEnv } from './cms-backend.ts';

/**
 * /admin's Content-Security-Policy: exactly what Decap needs. It evaluates code ('unsafe-eval'),
 * injects styles (emotion: 'unsafe-inline' styles), shows uploads as blob:/data: images, and
 * talks to its own origin plus the local decap-server and the production Git API.
 */
export function cmsCsp(env: CmsEnv): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src 'self' blob: ${cmsConnectOrigins(env).join(' ')}`,
    "worker-src 'self' blob:",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

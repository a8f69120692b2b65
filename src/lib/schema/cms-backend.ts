/**
 * The CMS backend from the build's environment (CMS_*): the production Git server, the local
 * decap-server, whether review before publishing is available, and the warnings of a weak setup.
 */
import { t } from '../../i18n/t.ts';
import type { CmsField } from './cms-fields.ts';

/** Build-time settings of the production backend; none of them is a secret. */
export interface CmsEnv {
  /** gitea, forgejo, github, gitlab or git-gateway (default). */
  CMS_BACKEND?: string;
  /** owner/name of the content repository. */
  CMS_REPO?: string;
  /** Branch the site is built from (default main). */
  CMS_BRANCH?: string;
  /** Address of the Git server, e.g. https://git.example.gov.cn (Gitea/Forgejo/GitLab self-hosted). */
  CMS_BASE_URL?: string;
  /** Public OAuth application id (client id) registered on the Git server for PKCE login. */
  CMS_APP_ID?: string;
  /** Port of the local decap-server (default 8081). */
  CMS_LOCAL_PORT?: string;
}

export const BACKENDS = ['git-gateway', 'gitea', 'forgejo', 'github', 'gitlab'] as const;

/** The production backend described by the environment; throws on a setting it cannot use. */
export function backendFromEnv(env: CmsEnv): CmsField & { name: string } {
  const name = env.CMS_BACKEND?.trim() || 'git-gateway';
  if (!(BACKENDS as readonly string[]).includes(name)) {
    throw new Error(`CMS_BACKEND="${name}" is not supported; use one of ${BACKENDS.join(', ')}`);
  }
  const branch = env.CMS_BRANCH?.trim() || 'main';
  if (name === 'git-gateway') return { name, branch };
  const repo = env.CMS_REPO?.trim();
  if (!repo || !/^[\w.-]+(?:\/[\w.-]+)+$/.test(repo)) {
    throw new Error(`CMS_BACKEND=${name} needs CMS_REPO=owner/name`);
  }
  const baseUrl = env.CMS_BASE_URL?.trim().replace(/\/+$/, '');
  const appId = env.CMS_APP_ID?.trim();
  const backend: CmsField & { name: string } = { name, repo, branch };
  if (name === 'gitea' || name === 'forgejo') {
    if (!baseUrl || !appId) throw new Error(`CMS_BACKEND=${name} needs CMS_BASE_URL and CMS_APP_ID (PKCE login)`);
    Object.assign(backend, { base_url: baseUrl, api_root: `${baseUrl}/api/v1`, app_id: appId });
  } else if (name === 'gitlab') {
    if (appId) Object.assign(backend, { auth_type: 'pkce', app_id: appId });
    if (baseUrl) Object.assign(backend, { base_url: baseUrl, api_root: `${baseUrl}/api/v4` });
  } else if (name === 'github') {
    // GitHub's OAuth needs a small authorisation service at CMS_BASE_URL (it holds the secret).
    if (baseUrl) backend.base_url = baseUrl;
  }
  return backend;
}

/** The local decap-server's API address (`npm start` runs it; tests pick their own port). */
export function localBackendUrl(env: CmsEnv): string {
  const port = Number(env.CMS_LOCAL_PORT ?? 8081);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`CMS_LOCAL_PORT="${env.CMS_LOCAL_PORT}" is not a port`);
  return `http://localhost:${port}/api/v1`;
}

/** Origins /admin talks to besides its own: the local decap-server and the production Git API. */
export function cmsConnectOrigins(env: CmsEnv): string[] {
  const backend = backendFromEnv(env);
  const origins = [new URL(localBackendUrl(env)).origin];
  const api = backend.api_root ?? backend.base_url;
  if (typeof api === 'string') origins.push(new URL(api).origin);
  if (backend.name === 'github') origins.push('https://api.github.com');
  if (backend.name === 'gitlab' && !api) origins.push('https://gitlab.com');
  return origins;
}

/** Whether Decap's backend of this name supports the editorial workflow (its gitea backend does not). */
export function hasEditorialWorkflow(backend: string): boolean {
  return backend !== 'gitea';
}

/** Build-time warnings about the CMS settings: a backend without review before publishing. */
export function cmsWarnings(env: CmsEnv): string[] {
  const backend = backendFromEnv(env).name;
  return hasEditorialWorkflow(backend) ? [] : [t('cms.warn.noReview', { backend })];
}

/**
 * The local CMS server of `npm start` / `npm run start:review`: decap-server's own middlewares
 * (file mode or git mode), mounted in one Express app behind the guard of cms-guard.ts, so no
 * unguarded port exists. Same settings as decap-server: PORT, BIND_HOST (default 127.0.0.1),
 * MODE (fs | git), GIT_REPO_DIRECTORY (default the working directory), ORIGIN (CORS).
 *
 * Run directly (`node scripts/cms-server.ts`) it listens until stopped; `startCmsServer` is the
 * same for tests and start.ts.
 */
import { createRequire } from 'node:module';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { hostRefusal, requestRefusal } from './cms-guard.ts';

type Next = (error?: unknown) => void;
type Handler = (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: Next) => void;
interface ExpressApp {
  use(handler: Handler): void;
  use(route: string, handler: Handler): void;
  listen(port: number, host: string, done: () => void): Server;
}
type ExpressFactory = (() => ExpressApp) & { json(options: { limit: string }): Handler };
interface DecapMiddlewares {
  registerLocalFs(app: ExpressApp, options?: { logLevel?: string }): Promise<void>;
  registerLocalGit(app: ExpressApp, options?: { logLevel?: string }): Promise<void>;
}

// Express and decap-server's middlewares as decap-server itself resolves them.
const fromDecap = createRequire(createRequire(import.meta.url).resolve('decap-server/package.json'));
const express = fromDecap('express') as ExpressFactory;
const decap = fromDecap('./dist/middlewares.js') as DecapMiddlewares;

export interface CmsServerOptions {
  port: number;
  mode: 'fs' | 'git';
  /** The repository (project) folder; default the working directory. */
  repo?: string;
  host?: string;
  logLevel?: string;
}

function refuse(res: ServerResponse, status: number, error: string): void {
  const body = JSON.stringify({ error });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
}

/** Starts the guarded server; resolves once it listens, with its address and a close function. */
export async function startCmsServer({
  port,
  mode,
  repo = process.cwd(),
  host = '127.0.0.1',
  logLevel,
}: CmsServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const root = path.resolve(repo);
  // decap-server's middlewares read the repository from the environment.
  process.env.GIT_REPO_DIRECTORY = root;
  const app = express();
  let ownPort = port;
  app.use((req, res, next) => {
    const refusal = hostRefusal(req.headers.host, ownPort);
    if (refusal) refuse(res, refusal.status, refusal.error);
    else next();
  });
  app.use(express.json({ limit: '50mb' }));
  app.use('/api/v1', (req, res, next) => {
    if (req.method !== 'POST') return next();
    const refusal = requestRefusal(root, req.body);
    if (refusal) {
      console.error(`内容管理服务拒绝了一个请求：${refusal.error}`);
      refuse(res, refusal.status, refusal.error);
    } else next();
  });
  await (mode === 'git' ? decap.registerLocalGit(app, { logLevel }) : decap.registerLocalFs(app, { logLevel }));
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.once('error', reject);
  });
  ownPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${ownPort}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mode = process.env.MODE === 'git' ? 'git' : 'fs';
  const server = await startCmsServer({
    port: Number(process.env.PORT ?? 8081),
    mode,
    repo: process.env.GIT_REPO_DIRECTORY ?? process.cwd(),
    host: process.env.BIND_HOST ?? '127.0.0.1',
    logLevel: process.env.LOG_LEVEL,
  });
  console.log(`本地内容管理服务（${mode === 'git' ? '审核流程' : '文件'}模式）：${server.url}/api/v1，只读写 content/ 和 public/media/`);
}

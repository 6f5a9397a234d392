// The public web app: the files Vite built into web/dist, and index.html for every other page path
// so that a shared link such as /spaces/abc or /rankings?year=2020 opens the app, which then routes
// in the browser. /api stays the API's: an unknown API path is a JSON 404, never the app.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** The folder holding package.json "makeratlas": two levels above src/server, three above dist/src/server. */
const packageRoot = (): string | undefined => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'makeratlas') return dir;
      } catch {
        // not ours; keep looking upwards
      }
    }
    dir = dirname(dir);
  }
  return undefined;
};

export const defaultWebRoot = (): string | undefined => {
  const root = packageRoot();
  return root && resolve(root, 'web', 'dist');
};

/** Vite names built files name-<8 hash chars>.ext: their content never changes under that name. */
const HASHED = /-[\w-]{8}\.(js|css|woff2?|png|svg)(\.gz|\.br)?$/;

export interface WebOptions {
  /** Folder with index.html and assets/ (default: web/dist of this package). */
  root?: string;
}

/** A file at the top of web/dist (favicon.svg, robots.txt): one path segment with an extension. */
const TOP_LEVEL = /^\/([\w-]+\.[a-z0-9]+)$/;

const isApi = (url: string): boolean => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

export const webRoutes =
  (opts: WebOptions = {}): FastifyPluginAsync =>
  async (app) => {
    const root = opts.root ?? defaultWebRoot();
    if (root !== undefined && existsSync(root)) {
      // Built files, looked up per request (a rebuild needs no restart); missing ones are a 404.
      await app.register(fastifyStatic, {
        root: join(root, 'assets'),
        prefix: '/assets/',
        decorateReply: false,
        index: false,
        preCompressed: true,
        setHeaders: (reply, path) => {
          reply.header(
            'cache-control',
            HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
          );
        },
      });
      // reply.sendFile for index.html and the few top-level files (favicon).
      await app.register(fastifyStatic, {
        root,
        serve: false,
        decorateReply: true,
        preCompressed: true,
        cacheControl: false,
      });
    }

    const page = async (req: FastifyRequest, reply: FastifyReply) => {
      const path = req.url.split('?')[0] ?? '/';
      // A missing API route or built asset is a real 404: answering it with the app would hide the error.
      if (isApi(path) || path.startsWith('/assets/')) return reply.callNotFound();
      if (root === undefined || !existsSync(join(root, 'index.html'))) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The web app is not built yet: run `npm run build:web` (the API is at /api/v1).\n');
      }
      const top = TOP_LEVEL.exec(path)?.[1];
      if (top && statSync(join(root, top), { throwIfNoEntry: false })?.isFile()) {
        reply.header('cache-control', 'public, max-age=86400');
        return reply.sendFile(top);
      }
      // Every page path is the app: it routes in the browser and shows its own "not found" page.
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    };
    app.get('/', { schema: { hide: true } }, page);
    app.get('/*', { schema: { hide: true } }, page);
  };

// The public web app: the files Vite built into web/dist, and index.html for every other page path
// so that a shared link such as /spaces/abc or /rankings?year=2020 opens the app, which then routes
// in the browser. /api stays the API's: an unknown API path is a JSON 404, never the app.
import { existsSync, readFileSync } from 'node:fs';
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

const isApi = (url: string): boolean => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

export const webRoutes =
  (opts: WebOptions = {}): FastifyPluginAsync =>
  async (app) => {
    const root = opts.root ?? defaultWebRoot();
    const built = root !== undefined && existsSync(join(root, 'index.html'));

    if (built) {
      await app.register(fastifyStatic, {
        root,
        prefix: '/',
        // Files are listed once at start-up; the catch-all below answers every other path.
        wildcard: false,
        index: false,
        preCompressed: true,
        setHeaders: (reply, path) => {
          reply.header(
            'cache-control',
            HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
          );
        },
      });
    }

    const page = async (req: FastifyRequest, reply: FastifyReply) => {
      const path = req.url.split('?')[0] ?? '/';
      // A missing API route or built asset is a real 404: answering it with the app would hide the error.
      if (isApi(path) || path.startsWith('/assets/')) return reply.callNotFound();
      if (!built) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The web app is not built yet: run `npm run build:web` (the API is at /api/v1).\n');
      }
      return reply.sendFile('index.html');
    };
    app.get('/', { schema: { hide: true } }, page);
    app.get('/*', { schema: { hide: true } }, page);
  };

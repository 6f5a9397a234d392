import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/** Everything the process can be configured with. Read once at the edge (cli, server.ts) and passed in. */
export const Config = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  host: Type.String({ default: '127.0.0.1' }),
  /** A file path (SQLite) or a postgres:// URL. */
  databaseUrl: Type.String({ minLength: 1, default: './var/makeratlas.db' }),
  /** Public base URL used in exported documents (SpaceAPI links); defaults to http://host:port. */
  publicUrl: Type.Optional(Type.String()),
  /** Optional raster tile URL template for the web map; without it the map draws boundary layers only. */
  tileUrl: Type.Optional(Type.String()),
  logLevel: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  /**
   * Size of the synthetic demonstration sample loaded into an empty database by `serve --seed-if-empty`;
   * default: the size whose yearly counts equal the national figures for 2016–2020 (about 9,200).
   */
  syntheticCount: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type Config = Static<typeof Config>;

const ENV_KEYS: Record<string, keyof Config> = {
  PORT: 'port',
  HOST: 'host',
  DATABASE_URL: 'databaseUrl',
  PUBLIC_URL: 'publicUrl',
  TILE_URL: 'tileUrl',
  LOG_LEVEL: 'logLevel',
  SYNTHETIC_COUNT: 'syntheticCount',
};

/** Build the config from environment variables; a bad value is an error naming the variable. */
export const configFromEnv = (
  env: Record<string, string | undefined>,
  overrides: Partial<Config> = {},
): Config => {
  const raw: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const v = env[name];
    if (v === undefined || v === '') continue;
    raw[key] = key === 'port' || key === 'syntheticCount' ? Number(v) : v;
  }
  const merged = Value.Default(Config, { ...raw, ...overrides }) as Record<string, unknown>;
  const errors = [...Value.Errors(Config, merged)];
  if (errors.length > 0) {
    const e = errors[0]!;
    const key = e.instancePath.replace(/^\//, '');
    const envName = Object.keys(ENV_KEYS).find((k) => ENV_KEYS[k] === key) ?? key;
    throw new Error(`configuration: ${envName} ${e.message} (got ${JSON.stringify(merged[key])})`);
  }
  return merged as Config;
};

export const publicUrlOf = (c: Config): string => c.publicUrl ?? `http://${c.host}:${c.port}`;

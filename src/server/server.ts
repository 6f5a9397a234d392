import type { Store } from '../store/database.js';
import { buildApp, type AppDeps } from './app.js';
import type { Config } from './config.js';

/** Listen until SIGINT/SIGTERM, then close the server and the database cleanly. */
export const serve = async (deps: AppDeps & { store: Store; config: Config }): Promise<void> => {
  const app = await buildApp(deps, { logger: true });
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await deps.store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: deps.config.port, host: deps.config.host });
};

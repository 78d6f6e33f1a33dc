import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { DatabaseTarget } from './database.ts';

export function databaseTarget(config: Config): DatabaseTarget {
  return config.databaseUrl
    ? {
        url: config.databaseUrl,
        poolSize: config.databasePoolSize,
        preparedStatements: config.databasePreparedStatements,
      }
    : { dataDir: join(config.dataDir, 'pglite') };
}

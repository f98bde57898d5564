import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { AppConfig } from '../config/config.schema.js';
import { SnakeNamingStrategy } from './naming.strategy.js';
import { POSTGRES_MIGRATIONS } from './migrations/postgres/index.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
export type EntityList = MixedList<Function | string | EntitySchema>;

/**
 * The one place that turns configuration into TypeORM options. `synchronize`
 * is only for throwaway databases (the migration generator); everything else
 * runs the migrations of its driver.
 */
export function dataSourceOptions(
  config: Pick<AppConfig, 'database'> & Partial<Pick<AppConfig, 'env'>>,
  entities: EntityList,
  options: { synchronize?: boolean; withMigrations?: boolean } = {},
): DataSourceOptions {
  const common = {
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: options.synchronize ?? false,
    migrationsRun: false,
    // Failed queries surface as errors where they happen; tests provoke many on purpose.
    logging: config.env === 'test' ? false : (['error'] as ('error' | 'warn')[]),
  };
  if (config.database.kind === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: config.database.url,
      uuidExtension: 'pgcrypto',
      migrations: options.withMigrations === false ? [] : POSTGRES_MIGRATIONS,
      extra: { max: config.database.poolSize },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.database.path,
    migrations: options.withMigrations === false ? [] : SQLITE_MIGRATIONS,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}

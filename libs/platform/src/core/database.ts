import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { BASE_CONFIG } from './config.js';
import { PreparingClient } from './preparing-client.js';
import type { BaseConfig } from './config.js';

export interface DatabaseOptions {
  /** The service's own schema: nobody else's tables live there. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** TypeORM options for one service: its schema first on the search path, migrations only. */
export function dataSourceOptions(databaseUrl: string, options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: {
      options: `-c search_path=${options.schema}`,
      max: 10,
      application_name: `sanshen-${options.schema}`,
      connectionTimeoutMillis: 5_000,
      // Repeated statements prepared once per connection (TypeORM sends each unnamed).
      Client: PreparingClient,
    },
  };
}

/**
 * Creates the schema (migrations cannot: their table lives in it), then migrates — under a
 * PostgreSQL advisory lock per schema, so replicas starting together (the gateway scales out) take
 * turns: the first migrates, the others find nothing left to run. The lock is the session's, so it
 * goes with the connection whatever fails.
 */
export async function openDataSource(options: DataSourceOptions & { schema?: string; url?: string }): Promise<DataSource> {
  const schema = options.schema ?? 'public';
  const lock = new pg.Client({ connectionString: options.url, application_name: `sanshen-${schema}-migrate` });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [migrationLockKey(schema)]);
    // Only when missing: a service running as a limited role may not CREATE on the database.
    const found = await lock.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (found.rowCount === 0) await lock.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const dataSource = new DataSource(options);
    await dataSource.initialize();
    try {
      if (await dataSource.showMigrations()) await dataSource.runMigrations({ transaction: 'each' });
    } catch (error) {
      await dataSource.destroy();
      throw error;
    }
    return dataSource;
  } finally {
    await lock.end();
  }
}

/**
 * Migrates one service's schema and closes the connection: the migration step of a release, run
 * ahead of the rollout (`node dist/apps/<service>/main.js migrate`, a Kubernetes Job). Returns the
 * names of the migrations it ran (none when the schema was current).
 */
export async function migrateSchema(databaseUrl: string, options: DatabaseOptions): Promise<string[]> {
  const applied = async (): Promise<Set<string>> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const result = await client.query<{ name: string }>(`SELECT name FROM "${options.schema}".migrations`).catch(() => ({ rows: [] }));
      return new Set(result.rows.map((row) => row.name));
    } finally {
      await client.end();
    }
  };
  const before = await applied();
  const dataSource = await openDataSource(dataSourceOptions(databaseUrl, options) as DataSourceOptions & { schema: string; url: string });
  await dataSource.destroy();
  return [...(await applied())].filter((name) => !before.has(name));
}

/** The advisory lock that serializes migrations of one schema (namespaced schemas do not contend). */
function migrationLockKey(schema: string): string {
  return `sanshen:migrations:${schema}`;
}

export function databaseModule(options: DatabaseOptions): DynamicModule {
  return TypeOrmModule.forRootAsync({
    inject: [BASE_CONFIG],
    useFactory: (config: BaseConfig) => ({
      ...dataSourceOptions(config.databaseUrl, options),
      retryAttempts: 2,
      retryDelay: 1000,
    }),
    dataSourceFactory: async (dataSourceOptionsValue) => {
      if (!dataSourceOptionsValue) throw new Error('no data source options');
      return openDataSource(dataSourceOptionsValue as DataSourceOptions & { schema: string; url: string });
    },
  });
}

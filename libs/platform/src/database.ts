import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { BASE_CONFIG } from './config.js';
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
    extra: { options: `-c search_path=${options.schema}`, max: 10, application_name: `sanshen-${options.schema}` },
  };
}

/** Creates the schema (migrations cannot: their table lives in it), then migrates. */
export async function openDataSource(options: DataSourceOptions & { schema?: string; url?: string }): Promise<DataSource> {
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    // Only when missing: a service running as a limited role may not CREATE on the database.
    const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [options.schema]);
    if (found.rowCount === 0) await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
  } finally {
    await client.end();
  }
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  if (await dataSource.showMigrations()) await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
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

import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { dataSourceOptions, openDataSource } from '../src/index.js';
import { PreparingClient, RolledBackAtCommitError } from '../src/core/preparing-client.js';

/** Slow on purpose: replicas without a lock would both see it pending and both run it. */
class CreateWidgets1770000000000 implements MigrationInterface {
  name = 'CreateWidgets1770000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT pg_sleep(0.3)');
    await runner.query('CREATE TABLE widgets (id int PRIMARY KEY)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE widgets');
  }
}

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is set by the integration global setup');
  return url;
}

describe('openDataSource', () => {
  const opened: DataSource[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((dataSource) => dataSource.destroy()));
  });

  const open = (schema: string) =>
    openDataSource(
      dataSourceOptions(requireDatabaseUrl(), { schema, entities: [], migrations: [CreateWidgets1770000000000] }) as Parameters<
        typeof openDataSource
      >[0],
    );

  it('lets replicas that start together create the schema and migrate it once, in turn', async () => {
    const schema = `migrate_${randomBytes(3).toString('hex')}`;
    const replicas = await Promise.allSettled([open(schema), open(schema), open(schema)]);
    for (const replica of replicas) if (replica.status === 'fulfilled') opened.push(replica.value);

    expect(replicas.map((replica) => (replica.status === 'rejected' ? String(replica.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
    const [first] = opened;
    const applied = await first!.query(`SELECT name FROM "${schema}".migrations`);
    expect(applied).toEqual([{ name: 'CreateWidgets1770000000000' }]);
    const locks = await first!.query(`SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    expect(locks).toEqual([{ held: 0 }]);
  });

  it('prepares a statement with parameters the second time it runs, and runs it as before', async () => {
    const dataSource = await open(`prepare_${randomBytes(3).toString('hex')}`);
    opened.push(dataSource);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      // Unique text for this run: the process's statement names are shared by every data source.
      const text = `SELECT $1::int + 1 AS next, '${randomBytes(4).toString('hex')}' AS tag`;
      const prepared = () => runner.query('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1', [text]) as Promise<{ n: number }[]>;
      expect(await runner.query(text, [1])).toMatchObject([{ next: 2 }]);
      expect(await prepared()).toEqual([{ n: 0 }]);
      expect(await runner.query(text, [2])).toMatchObject([{ next: 3 }]);
      expect(await prepared()).toEqual([{ n: 1 }]);
      expect(await runner.query(text, [41])).toMatchObject([{ next: 42 }]);
      // A statement without parameters goes unnamed however often it runs.
      for (let run = 0; run < 3; run += 1) await runner.query('SELECT 1 AS one');
      expect(await runner.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = 'SELECT 1 AS one'`)).toEqual([{ n: 0 }]);
    } finally {
      await runner.release();
    }
  });

  it('opens each transaction with its first statement, and keeps every transaction whole', async () => {
    const schema = `begin_${randomBytes(3).toString('hex')}`;
    const dataSource = await open(schema);
    opened.push(dataSource);
    await dataSource.query('CREATE TABLE marks (id int PRIMARY KEY)');
    const pids = new Set<number>();
    // The first statement already runs inside the transaction: now() is the transaction's start.
    const [first, second] = await dataSource.transaction(async (manager) => {
      const [a] = (await manager.query('SELECT now() AS at, pg_backend_pid() AS pid')) as { at: Date; pid: number }[];
      await manager.query('SELECT pg_sleep(0.02)');
      const [b] = (await manager.query('SELECT now() AS at, pg_backend_pid() AS pid')) as { at: Date; pid: number }[];
      pids.add(a!.pid);
      return [a!, b!];
    });
    expect(second.at.getTime()).toBe(first.at.getTime());

    // A failing first statement rolls the whole transaction back, and its connection goes on.
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO marks (id) VALUES ($1::int)', ['not a number']);
      }),
    ).rejects.toThrow(/invalid input syntax/);
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO marks (id) VALUES ($1)', [1]);
        await manager.query('INSERT INTO marks (id) VALUES ($1)', [1]);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM marks')).toEqual([{ n: 0 }]);

    // A failed statement whose error was caught: PostgreSQL answers the COMMIT with ROLLBACK, and the
    // COMMIT fails here instead of passing for a commit.
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO marks (id) VALUES ($1)', [3]);
        await manager.query('INSERT INTO marks (id) VALUES ($1::int)', ['not a number']).catch(() => undefined);
      }),
    ).rejects.toMatchObject({ driverError: expect.any(RolledBackAtCommitError) });
    expect(await dataSource.query('SELECT count(*)::int AS n FROM marks')).toEqual([{ n: 0 }]);

    // Transactions with no statement, committed and rolled back, leave no transaction open behind them.
    await dataSource.transaction(async () => undefined);
    await expect(dataSource.transaction(async () => Promise.reject(new Error('changed my mind')))).rejects.toThrow('changed my mind');
    await dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO marks (id) VALUES ($1)', [2]);
    });
    expect(await dataSource.query('SELECT id FROM marks')).toEqual([{ id: 2 }]);
    const states = (await dataSource.query(
      `SELECT state FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
      [`sanshen-${schema}`],
    )) as unknown[];
    expect(states).toEqual([]);
  });

  /** A connected PreparingClient and a count of its socket's writes (one per packet: a corked batch goes out in one _writev). */
  async function countingClient(): Promise<{ client: PreparingClient; writes: () => number }> {
    const client = new PreparingClient({ connectionString: requireDatabaseUrl() });
    await client.connect();
    type Writer = (...args: unknown[]) => void;
    const stream = (client as unknown as { connection: { stream: { _write: Writer; _writev: Writer } } }).connection.stream;
    let writes = 0;
    for (const method of ['_write', '_writev'] as const) {
      const original = stream[method].bind(stream);
      stream[method] = (...args: unknown[]) => {
        writes += 1;
        original(...args);
      };
    }
    return { client, writes: () => writes };
  }

  it('writes BEGIN in one packet with the first statement, and nothing for a transaction without one', async () => {
    const { client, writes: count } = await countingClient();
    try {
      await client.query('START TRANSACTION');
      expect(count()).toBe(0);
      const first = await client.query('SELECT $1::int + 1 AS next, pg_current_xact_id()::text AS xact', [1]);
      expect(count()).toBe(1);
      // Both statements in the transaction BEGIN opened: one transaction id (each would have its own without it).
      const second = await client.query('SELECT pg_current_xact_id()::text AS xact');
      expect(first.rows).toEqual([{ next: 2, xact: second.rows[0].xact }]);
      await client.query('COMMIT');
      expect(count()).toBe(3);
      await client.query('START TRANSACTION');
      await client.query('ROLLBACK');
      expect(count()).toBe(3);
    } finally {
      await client.end();
    }
  });

  it('writes the statements issued in one burst of work in one packet', async () => {
    const { client, writes } = await countingClient();
    try {
      await client.query('CREATE TEMP TABLE burst (id int PRIMARY KEY)');
      const before = writes();
      // BEGIN, a statement and one issued some microtasks later (as a read sent along, or a TypeORM builder's).
      await client.query('START TRANSACTION');
      const along = (async () => {
        for (let hop = 0; hop < 10; hop += 1) await Promise.resolve();
        return client.query('SELECT count(*)::int AS n FROM burst');
      })();
      const [first, second] = await Promise.all([client.query('SELECT $1::int AS id', [1]), along]);
      expect([first.rows, second.rows]).toEqual([[{ id: 1 }], [{ n: 0 }]]);
      expect(writes() - before).toBe(1);
      // Writes sent behind, and the COMMIT a tick later (as transactionBehindWrites sends it): one packet.
      const inserted = [1, 2, 3].map((id) => client.query('INSERT INTO burst (id) VALUES ($1)', [id]));
      await new Promise((resolve) => process.nextTick(resolve));
      const committed = client.query('COMMIT');
      await Promise.all([...inserted, committed]);
      expect(writes() - before).toBe(2);
      expect((await client.query('SELECT count(*)::int AS n FROM burst')).rows).toEqual([{ n: 3 }]);
    } finally {
      await client.end();
    }
  });
});

import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Redis } from 'ioredis';
import pg from 'pg';
import { TEST_NATS_URL, TEST_PG_ADMIN_URL, TEST_REDIS_URL, databaseUrlFor } from './env.js';

/**
 * Gives one test run its own namespace: a database `sanshen_<ns>`, JetStream streams and subjects
 * prefixed with it, Redis keys under it. A running demo (empty namespace) and other runs are never
 * touched; everything the run made is removed at the end.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const namespace = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const database = `sanshen_${namespace}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  process.env.SANSHEN_NAMESPACE = namespace;
  process.env.SANSHEN_TEST_NAMESPACE = namespace;
  process.env.DATABASE_URL = databaseUrlFor(database);
  process.env.NATS_URL = TEST_NATS_URL;
  process.env.REDIS_URL = TEST_REDIS_URL;
  // Services sign the actor of every internal request with it (libs/platform request-signing).
  process.env.INTERNAL_TOKEN_SECRET ??= randomBytes(32).toString('hex');

  return async () => {
    await dropStreams(namespace).catch((error: unknown) => console.warn('could not remove test streams', error));
    await dropRedisKeys(namespace).catch((error: unknown) => console.warn('could not remove test redis keys', error));
    const cleanup = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await cleanup.connect();
    // The run's database and those of the e2e systems it started (sanshen_<ns>_s…).
    const { rows } = await cleanup.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [database, `${database}\\_s%`],
    );
    for (const { datname } of rows) await cleanup.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await cleanup.end();
  };
}

/** Removes the namespace's JetStream streams (their consumers go with them). */
export async function dropStreams(namespace: string, natsUrl = TEST_NATS_URL): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const prefix = `SANSHEN_${namespace.toUpperCase()}`;
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(prefix)) await jsm.streams.delete(name);
    }
  } finally {
    await nc.close();
  }
}

async function dropRedisKeys(namespace: string, redisUrl = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `*${namespace}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

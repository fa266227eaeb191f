import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { closedLoop, percentiles } from './measure.js';
import type { Percentiles } from './measure.js';

/** What the parts can do on this machine without our code in between: the ceilings of the system's figures. */
export interface Ceiling {
  name: string;
  concurrency: number;
  perSecond: number;
  latency: Percentiles;
}

const SCHEMA = 'bench_ceiling';

/**
 * The transition's shape as one PostgreSQL transaction: a version-checked UPDATE of the aggregate, a
 * ledger INSERT (JSONB) and an outbox INSERT (JSONB), committed. Each client moves its own row.
 */
export async function postgresCeilings(databaseUrl: string, durationMs: number, levels: readonly number[]): Promise<Ceiling[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(...levels) });
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await pool.query(`CREATE TABLE ${SCHEMA}.document (id uuid PRIMARY KEY, version int NOT NULL, status text NOT NULL)`);
    await pool.query(`CREATE TABLE ${SCHEMA}.ledger (position bigserial PRIMARY KEY, document_id uuid NOT NULL, entry jsonb NOT NULL)`);
    await pool.query(
      `CREATE TABLE ${SCHEMA}.outbox (position bigserial PRIMARY KEY, id uuid UNIQUE NOT NULL, document_id uuid NOT NULL, envelope jsonb NOT NULL, sent_at timestamptz)`,
    );
    const rows = Array.from({ length: Math.max(...levels) }, () => randomUUID());
    for (const id of rows) await pool.query(`INSERT INTO ${SCHEMA}.document VALUES ($1, 0, 'pending_l1')`, [id]);
    const versions = rows.map(() => 0);
    const results: Ceiling[] = [];
    for (const concurrency of levels) {
      const clients = await Promise.all(Array.from({ length: concurrency }, () => pool.connect()));
      try {
        const load = await closedLoop({ concurrency, durationMs }, async (worker) => {
          const client = clients[worker] as pg.PoolClient;
          const id = rows[worker] as string;
          const version = versions[worker] as number;
          const entry = JSON.stringify({ type: 'document.approved_l1', documentId: id, version, actor: { userId: randomUUID() }, at: new Date().toISOString() });
          await client.query('BEGIN');
          const moved = await client.query(`UPDATE ${SCHEMA}.document SET version = version + 1, status = 'pending_l2' WHERE id = $1 AND version = $2`, [id, version]);
          if (moved.rowCount !== 1) throw new Error('version check failed');
          await client.query(`INSERT INTO ${SCHEMA}.ledger (document_id, entry) VALUES ($1, $2)`, [id, entry]);
          await client.query(`INSERT INTO ${SCHEMA}.outbox (id, document_id, envelope) VALUES ($1, $2, $3)`, [randomUUID(), id, entry]);
          await client.query('COMMIT');
          versions[worker] = version + 1;
        });
        results.push({ name: 'PostgreSQL transition transaction', concurrency, perSecond: load.perSecond, latency: percentiles(load.latenciesMs) });
      } finally {
        for (const client of clients) client.release();
      }
    }
    return results;
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
    await pool.end();
  }
}

/** Core NATS request-reply (a responder in this process) and JetStream publish with a message id. */
export async function natsCeilings(natsUrl: string, namespace: string, durationMs: number, concurrency: number): Promise<Ceiling[]> {
  const nc = await connect({ servers: natsUrl });
  const subject = `${namespace}.bench.echo`;
  const subscription = nc.subscribe(subject, {
    callback: (_error, msg) => {
      msg.respond(msg.data);
    },
  });
  const stream = `SANSHEN_${namespace.toUpperCase()}_CEILING`;
  const jsm = await jetstreamManager(nc);
  try {
    const payload = JSON.stringify({ actor: { userId: randomUUID(), agencyId: randomUUID(), roles: ['dept_head'] }, payload: { version: 1, comment: '同意' } });
    const requests = await closedLoop({ concurrency, durationMs }, async () => {
      await nc.request(subject, payload, { timeout: 5000 });
    });
    await jsm.streams.add({ name: stream, subjects: [`${namespace}.ceiling.>`] });
    const js = jetstream(nc);
    const publishes = await closedLoop({ concurrency, durationMs }, async () => {
      await js.publish(`${namespace}.ceiling.event`, payload, { msgID: randomUUID() });
    });
    return [
      { name: 'NATS request-reply', concurrency, perSecond: requests.perSecond, latency: percentiles(requests.latenciesMs) },
      { name: 'JetStream publish (acked, with Nats-Msg-Id)', concurrency, perSecond: publishes.perSecond, latency: percentiles(publishes.latenciesMs) },
    ];
  } finally {
    subscription.unsubscribe();
    await jsm.streams.delete(stream).catch(() => undefined);
    await nc.close();
  }
}

/** A bare node:http server answering a small JSON body, driven by this process's fetch over keep-alive. */
export async function httpCeiling(durationMs: number, concurrency: number): Promise<Ceiling> {
  const body = JSON.stringify({ id: randomUUID(), status: 'pending_l2', version: 1 });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const load = await closedLoop({ concurrency, durationMs }, async () => {
      const response = await fetch(url, { method: 'POST', body: '{"version":1}', headers: { 'content-type': 'application/json' } });
      await response.arrayBuffer();
    });
    return { name: 'bare HTTP (node:http, same-process client)', concurrency, perSecond: load.perSecond, latency: percentiles(load.latenciesMs) };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

import { jetstream } from '@nats-io/jetstream';
import type { JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { eventSubject } from '@sanshen/contracts';
import type { EventEnvelope, Namespace } from '@sanshen/contracts';
import { SpanKind, contextFromHeaders, inSpan, traceHeaders, tracingEnabled } from '@sanshen/telemetry';
import type { DataSource } from 'typeorm';
import { preparedQuery } from './prepared.js';
import { silentLogger } from './types.js';
import type { MessagingLogger } from './types.js';

interface OutboxRow {
  position: string;
  id: string;
  envelope: EventEnvelope;
  headers: Record<string, string>;
}

export interface RelayOptions {
  namespace: Namespace;
  service: string;
  intervalMs?: number;
  batchSize?: number;
  retentionMs?: number;
  logger?: MessagingLogger;
  /**
   * Fault injection for tests: runs after a batch was published and before it is marked sent.
   * A throw here is what a crash between the two steps looks like.
   */
  afterPublish?: (published: readonly string[]) => void | Promise<void>;
}

/**
 * Publishes outbox rows to JetStream in order. One relay per service publishes at a time (an
 * advisory lock inside the batch's transaction); each message carries Nats-Msg-Id = event id so a
 * batch republished after a crash is stored once by JetStream, and the consumers' inboxes drop any
 * copy that arrives after the duplicate window.
 */
export class OutboxRelay {
  private readonly js: JetStreamClient;
  private readonly logger: MessagingLogger;
  private readonly lockKey: string;
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    nc: NatsConnection,
    private readonly options: RelayOptions,
  ) {
    this.js = jetstream(nc);
    this.logger = options.logger ?? silentLogger;
    this.lockKey = `sanshen-outbox-relay:${options.namespace.name}:${options.service}`;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
    await this.running?.catch(() => undefined);
  }

  /** Called after a commit that wrote to the outbox: publish now instead of at the next tick. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /**
   * Marks for publishing again every retained event sent before `streamCreated`: the stream that held
   * them is gone (NATS lost its store, or a restore), and consumers' inboxes drop what they already
   * applied. Returns how many were marked.
   */
  async republishSentBefore(streamCreated: Date): Promise<number> {
    const rows = (await this.dataSource.query('UPDATE outbox SET sent_at = NULL WHERE sent_at < $1 RETURNING id', [streamCreated])) as unknown[];
    const marked = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
    if (marked > 0) {
      this.logger.warn({ events: marked, streamCreated: streamCreated.toISOString() }, 'stream is newer than sent events: republishing them');
      this.nudge();
    }
    return marked;
  }

  /** Publishes everything pending once; returns how many events were published. */
  async flush(): Promise<number> {
    const batchSize = this.options.batchSize ?? 100;
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      // A short batch took every pending row: no second transaction just to find the outbox empty
      // (rows committed since then nudged the relay, which runs again).
      if (published < batchSize) return total;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
    // Now means now: a timer of 0 ms waits at least 1 ms, on the path of every event that has just committed.
    if (delayMs === 0) this.immediate = setImmediate(() => void this.tick());
    else this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    this.immediate = null;
    this.again = false;
    this.running = this.flush()
      .then(() => this.cleanupIfDue())
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'outbox relay batch failed; will retry');
      });
    await this.running;
    this.running = null;
    this.schedule(this.again ? 0 : (this.options.intervalMs ?? 500));
  }

  private async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // One statement: the relay's lock (another replica holding it gets no rows), no flush to disk at
      // the commit (the transaction only marks rows sent: a mark lost in a crash republishes those
      // events, which JetStream's Nats-Msg-Id window and the inboxes drop), and the pending rows.
      const rows = await preparedQuery<OutboxRow>(
        manager,
        'relay_pending',
        `WITH relay AS MATERIALIZED (
           SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked, set_config('synchronous_commit', 'off', true) AS durability
         )
         SELECT position, id, envelope, headers FROM outbox, relay
          WHERE relay.locked AND sent_at IS NULL ORDER BY position LIMIT $2`,
        [this.lockKey, this.options.batchSize ?? 100],
      );
      if (rows.length === 0) return 0;
      // Sent in outbox order on the one connection (the stream stores them in that order), the acks
      // awaited together: one round trip per batch, not per event.
      await Promise.all(rows.map((row) => this.publish(row)));
      const published = rows.map((row) => row.id);
      await this.options.afterPublish?.(published);
      // Not awaited: the COMMIT goes out right behind it (the pool's client pipelines). Should the mark
      // fail, PostgreSQL rolls the transaction back at that COMMIT, and the events, still unsent, are
      // published again, which the stream's Nats-Msg-Id window and the inboxes drop.
      preparedQuery(manager, 'relay_sent', 'UPDATE outbox SET sent_at = now() WHERE id = ANY($1::uuid[])', [published]).catch((error: unknown) => {
        this.logger.error({ err: error, events: published.length }, 'outbox relay could not mark published events sent; they will be published again');
      });
      return published.length;
    });
  }

  /** With tracing, in a PRODUCER span continuing the step that wrote the row; its context goes on the message. */
  private publish(row: OutboxRow): Promise<void> {
    if (!tracingEnabled()) return this.publishRow(row, row.headers);
    return inSpan(
      `publish ${row.envelope.type}`,
      { kind: SpanKind.PRODUCER, parent: contextFromHeaders(row.headers), attributes: { 'messaging.system': 'nats', 'messaging.operation.type': 'send', 'messaging.message.id': row.id } },
      () => this.publishRow(row, { ...row.headers, ...traceHeaders() }),
    );
  }

  private async publishRow(row: OutboxRow, headers: Record<string, string>): Promise<void> {
    const h = natsHeaders();
    h.set('X-Correlation-Id', row.envelope.correlationId);
    for (const [key, value] of Object.entries(headers)) h.set(key, value);
    const ack = await this.js.publish(eventSubject(this.options.namespace, row.envelope.type), JSON.stringify(row.envelope), {
      msgID: row.id,
      headers: h,
    });
    this.logger.debug?.(
      {
        eventId: row.id,
        eventType: row.envelope.type,
        documentId: row.envelope.documentId,
        sequence: row.envelope.sequence,
        streamSequence: ack.seq,
        duplicate: ack.duplicate,
        correlationId: row.envelope.correlationId,
      },
      'event published',
    );
  }

  /** Drops sent rows older than the retention window (they stay replayable until then). */
  private async cleanupIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 60_000) return;
    this.lastCleanup = now;
    const retentionMs = this.options.retentionMs ?? 7 * 24 * 60 * 60 * 1000;
    await this.dataSource.query(`DELETE FROM outbox WHERE sent_at < now() - ($1::bigint * interval '1 millisecond')`, [
      retentionMs,
    ]);
  }
}

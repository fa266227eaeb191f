import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import type { ConsumerInfo, JetStreamManager, StreamInfo } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { streamName } from '@sanshen/contracts';
import type { EventEnvelope, Namespace } from '@sanshen/contracts';
import { MESSAGING_TABLES_UP, MessagingRuntime, transactionBehindWrites } from '@sanshen/messaging';
import type { AfterCommit, EventHandlerDefinition, MessagingLogger, MessagingRuntimeOptions, NewEvent } from '@sanshen/messaging';
import { dataSourceOptions, openDataSource } from '@sanshen/platform/core';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { TEST_NATS_URL } from '../../../test/support/env.js';

/**
 * What a handler did, one row per application, in application order (`id`). Deliberately without a
 * unique key: a second application of an event shows up as a second row instead of being hidden.
 */
const EFFECT_TABLE = `CREATE TABLE effect (
  id bigserial PRIMARY KEY,
  consumer text NOT NULL,
  event_id uuid NOT NULL,
  document_id uuid NOT NULL,
  sequence integer NOT NULL
)`;

class MessagingTestTables1760000000000 implements MigrationInterface {
  name = 'MessagingTestTables1760000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...MESSAGING_TABLES_UP, EFFECT_TABLE]) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['effect', 'dead_letter', 'consumer_cursor', 'inbox', 'outbox']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  obj: Record<string, unknown>;
}

/** Keeps warnings and errors, so a failing test can show what the runtime complained about. */
export class RecordingLogger implements MessagingLogger {
  readonly entries: LogEntry[] = [];

  info(): void {}

  warn(obj: Record<string, unknown>, msg: string): void {
    this.entries.push({ level: 'warn', msg, obj });
  }

  error(obj: Record<string, unknown>, msg: string): void {
    this.entries.push({ level: 'error', msg, obj });
  }

  messages(level: LogEntry['level']): string[] {
    return this.entries.filter((entry) => entry.level === level).map((entry) => entry.msg);
  }
}

export interface EffectRow {
  id: string;
  consumer: string;
  event_id: string;
  document_id: string;
  sequence: number;
}

export interface DeadLetterRow {
  consumer: string;
  event_id: string | null;
  event_type: string | null;
  document_id: string | null;
  stream_sequence: string;
  deliveries: number;
  error: string;
  body: string;
}

/** One service of the test: its own PostgreSQL schema (migrated) and its own NATS connections. */
export class TestService {
  readonly logger = new RecordingLogger();

  constructor(
    private readonly world: MessagingWorld,
    readonly name: string,
    readonly dataSource: DataSource,
  ) {}

  /** Builds and starts a runtime for this service on a fresh NATS connection (a new process, as it were). */
  async start(
    options: Pick<MessagingRuntimeOptions, 'produces'> &
      Partial<Omit<MessagingRuntimeOptions, 'namespace' | 'service'>> & { handlers?: readonly EventHandlerDefinition[] },
  ): Promise<MessagingRuntime> {
    const nc = await this.world.connect(this.name);
    const { handlers = [], ...runtimeOptions } = options;
    const runtime = new MessagingRuntime(this.dataSource, nc, {
      namespace: this.world.namespace,
      service: this.name,
      replaySources: [],
      relayIntervalMs: 100,
      logger: this.logger,
      ...runtimeOptions,
    });
    this.world.track(runtime);
    await runtime.start(handlers);
    return runtime;
  }

  /** Writes events in one transaction, then nudges the relay, as a use case does. */
  async emit(runtime: MessagingRuntime, events: readonly NewEvent<unknown>[]): Promise<EventEnvelope[]> {
    const { result: envelopes } = await transactionBehindWrites(this.dataSource, (manager) => runtime.emit(manager, events));
    runtime.afterCommit();
    return envelopes;
  }

  effects(consumer?: string): Promise<EffectRow[]> {
    return consumer === undefined
      ? this.dataSource.query('SELECT * FROM effect ORDER BY id')
      : this.dataSource.query('SELECT * FROM effect WHERE consumer = $1 ORDER BY id', [consumer]);
  }

  deadLetters(): Promise<DeadLetterRow[]> {
    return this.dataSource.query('SELECT * FROM dead_letter ORDER BY id');
  }

  async unsentOutboxRows(): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL')) as {
      n: number;
    }[];
    return row.n;
  }
}

/**
 * One test's world: its own namespace (stream SANSHEN_<RUN>_<SUFFIX>, removed by the global
 * teardown), its services' schemas in the run's database, and everything to close afterwards.
 */
export class MessagingWorld {
  readonly namespace: Namespace;
  private readonly connections: NatsConnection[] = [];
  private readonly runtimes: MessagingRuntime[] = [];
  private readonly dataSources: DataSource[] = [];
  private admin: NatsConnection | null = null;

  constructor(private readonly suffix: string) {
    this.namespace = { name: `${requireEnv('SANSHEN_TEST_NAMESPACE')}_${suffix}` };
  }

  get stream(): string {
    return streamName(this.namespace);
  }

  /** A service with a freshly migrated schema `<suffix>_<name>`. */
  async service(name: string): Promise<TestService> {
    const schema = `${this.suffix}_${name}`;
    const dataSource = await openDataSource(
      dataSourceOptions(requireEnv('DATABASE_URL'), {
        schema,
        entities: [],
        migrations: [MessagingTestTables1760000000000],
      }) as Parameters<typeof openDataSource>[0],
    );
    this.dataSources.push(dataSource);
    return new TestService(this, name, dataSource);
  }

  async connect(name: string): Promise<NatsConnection> {
    const nc = await connect({ servers: TEST_NATS_URL, name: `${this.namespace.name}-${name}` });
    this.connections.push(nc);
    return nc;
  }

  track(runtime: MessagingRuntime): void {
    this.runtimes.push(runtime);
  }

  /** A connection for the test itself: raw publishes and stream/consumer inspection. */
  async nats(): Promise<NatsConnection> {
    this.admin ??= await this.connect('test');
    return this.admin;
  }

  async manager(): Promise<JetStreamManager> {
    return jetstreamManager(await this.nats());
  }

  async streamInfo(): Promise<StreamInfo> {
    return (await this.manager()).streams.info(this.stream, { subjects_filter: '>' });
  }

  async consumerInfo(consumer: string): Promise<ConsumerInfo> {
    return (await this.manager()).consumers.info(this.stream, consumer);
  }

  /** True once a durable consumer has nothing left to deliver and nothing awaiting an ack. */
  async consumerIdle(consumer: string): Promise<boolean> {
    const info = await this.consumerInfo(consumer);
    return info.num_pending === 0 && info.num_ack_pending === 0 && info.num_redelivered === 0;
  }

  async close(): Promise<void> {
    for (const runtime of this.runtimes.splice(0).reverse()) await runtime.stop();
    for (const nc of this.connections.splice(0)) if (!nc.isClosed()) await nc.close();
    this.admin = null;
    for (const dataSource of this.dataSources.splice(0)) if (dataSource.isInitialized) await dataSource.destroy();
  }
}

export interface RecordingHandlerOptions {
  durable: string;
  eventTypes: readonly string[];
  ordered?: boolean;
  maxDeliveries?: number;
  /** Runs after the effect row is written, inside the handler's transaction: a throw undoes both. */
  after?: (event: EventEnvelope) => void;
}

/**
 * A handler whose effect is a row in `effect`; `calls` counts every invocation, committed or not,
 * `committed` the events whose work after the commit ran.
 */
export function recordingHandler(options: RecordingHandlerOptions): EventHandlerDefinition & { calls: EventEnvelope[]; committed: EventEnvelope[] } {
  const calls: EventEnvelope[] = [];
  const committed: EventEnvelope[] = [];
  return {
    durable: options.durable,
    eventTypes: options.eventTypes,
    ...(options.ordered === undefined ? {} : { ordered: options.ordered }),
    ...(options.maxDeliveries === undefined ? {} : { maxDeliveries: options.maxDeliveries }),
    calls,
    committed,
    async handle(event: EventEnvelope, manager: EntityManager): Promise<AfterCommit> {
      calls.push(event);
      await manager.query(
        'INSERT INTO effect (consumer, event_id, document_id, sequence) VALUES ($1, $2, $3, $4)',
        [options.durable, event.id, event.documentId, event.sequence],
      );
      options.after?.(event);
      return () => void committed.push(event);
    },
  };
}

export function newEvent(
  type: string,
  documentId: string,
  sequence: number,
  payload: Record<string, unknown> = {},
): NewEvent<Record<string, unknown>> {
  return {
    type,
    documentId,
    sequence,
    actor: { userId: 'user-1', agencyId: 'agency-1', roles: ['drafter'] },
    correlationId: randomUUID(),
    payload,
    occurredAt: new Date(),
  };
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through the integration project (test/support/global-setup.ts)`);
  return value;
}

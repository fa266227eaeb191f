import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import type { JsMsg } from '@nats-io/jetstream';
import { deadLetterSubject, eventSubject } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/support/wait-for.js';
import { MessagingWorld, newEvent, recordingHandler } from './fixture.js';
import type { EffectRow, TestService } from './fixture.js';
import type { EventHandlerDefinition } from '../src/types.js';
import { transactionBehindWrites, writeBehind } from '../src/write-behind.js';

/** Sequences applied per document, in application order. */
function sequencesByDocument(rows: readonly EffectRow[]): Map<string, number[]> {
  const byDocument = new Map<string, number[]>();
  for (const row of rows) byDocument.set(row.document_id, [...(byDocument.get(row.document_id) ?? []), row.sequence]);
  return byDocument;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** Starts the consumer once, so that its durable exists, and stops it: what is published next waits for it and arrives together. */
async function durableThenDown(consumer: TestService, handler: EventHandlerDefinition, replaySource: string): Promise<string> {
  const runtime = await consumer.start({ produces: false, handlers: [handler], replaySources: [replaySource] });
  const [consumerName] = runtime.consumers.map((runner) => runner.consumerName);
  await runtime.stop();
  return consumerName as string;
}

async function count(service: TestService, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await service.dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) AS q`, params)) as { n: number }[];
  return row.n;
}

describe('outbox relay killed after publishing, before marking sent', () => {
  const world = new MessagingWorld('relay');
  afterAll(() => world.close());

  it('stores the events once in the stream and the consumer applies each once', async () => {
    const producer = await world.service('producer');
    const consumer = await world.service('consumer');
    const handler = recordingHandler({ durable: 'effects', eventTypes: ['test.relayed'] });
    const [runner] = (await consumer.start({ produces: false, handlers: [handler] })).consumers;

    const crashes: string[][] = [];
    const doomed = await producer.start({
      produces: true,
      relay: {
        afterPublish: (published) => {
          crashes.push([...published]);
          throw new Error('relay killed between publish and mark-sent');
        },
      },
    });
    const documentId = randomUUID();
    const envelopes = await producer.emit(doomed, range(1, 3).map((sequence) => newEvent('test.relayed', documentId, sequence)));
    const ids = envelopes.map((envelope) => envelope.id);
    await waitFor(() => crashes.length > 0, { what: 'the relay to publish and crash' });
    await doomed.stop();

    expect(crashes[0]).toEqual(ids);
    expect(await producer.unsentOutboxRows()).toBe(3);
    expect((await world.streamInfo()).state.messages).toBe(3);

    const republished: string[] = [];
    await producer.start({ produces: true, relay: { afterPublish: (published) => void republished.push(...published) } });
    await waitFor(async () => (await producer.unsentOutboxRows()) === 0, { what: 'the fresh relay to mark the outbox sent' });
    await waitFor(async () => (await consumer.effects()).length === 3 && (await world.consumerIdle(runner.consumerName)), {
      what: 'the consumer to apply the events',
    });

    expect(republished).toEqual(ids);
    const stream = await world.streamInfo();
    expect(stream.state.messages).toBe(3);
    expect(stream.state.subjects).toEqual({ [eventSubject(world.namespace, 'test.relayed')]: 3 });
    const effects = await consumer.effects();
    expect(effects.map((row) => row.event_id)).toEqual(ids);
    expect(await count(producer, 'SELECT 1 FROM outbox WHERE sent_at IS NOT NULL')).toBe(3);
    expect(handler.calls).toHaveLength(3);
  });
});

describe('handler failures and redelivery', () => {
  const world = new MessagingWorld('redeliver');
  let producer: TestService;
  let consumer: TestService;
  let emitter: Awaited<ReturnType<TestService['start']>>;
  let consumerName: string;
  const attempts = new Map<string, number>();
  const handler = recordingHandler({
    durable: 'effects',
    eventTypes: ['test.flaky'],
    maxDeliveries: 3,
    after: (event) => {
      const attempt = (attempts.get(event.id) ?? 0) + 1;
      attempts.set(event.id, attempt);
      const failures = (event.payload as { failures?: number }).failures ?? 0;
      if (attempt <= failures) throw new Error(`transient failure ${attempt} of ${failures}`);
    },
  });

  beforeAll(async () => {
    producer = await world.service('producer');
    consumer = await world.service('consumer');
    emitter = await producer.start({ produces: true });
    const runtime = await consumer.start({ produces: false, handlers: [handler], consumer: { baseRetryDelayMs: 50 } });
    consumerName = runtime.consumers[0].consumerName;
  });
  afterAll(() => world.close());

  it('applies an event once when its handler throws on every delivery but the last allowed one', async () => {
    const [event] = await producer.emit(emitter, [newEvent('test.flaky', randomUUID(), 1, { failures: 2 })]);

    await waitFor(async () => (await consumer.effects()).length === 1 && (await world.consumerIdle(consumerName)), {
      what: 'the event to be applied after two failed deliveries',
    });

    expect(attempts.get(event.id)).toBe(3);
    expect(handler.calls.filter((call) => call.id === event.id)).toHaveLength(3);
    // The handler's work after the commit ran once: for the attempt that committed.
    expect(handler.committed.filter((call) => call.id === event.id)).toHaveLength(1);
    expect((await consumer.effects()).map((row) => row.event_id)).toEqual([event.id]);
    expect(await count(consumer, 'SELECT 1 FROM inbox WHERE event_id = $1', [event.id])).toBe(1);
    expect(await consumer.deadLetters()).toEqual([]);
  });

  it('has no second effect when an applied event arrives again after the duplicate window', async () => {
    const [event] = await producer.emit(emitter, [newEvent('test.flaky', randomUUID(), 1)]);
    await waitFor(async () => (await consumer.effects()).some((row) => row.event_id === event.id), {
      what: 'the event to be applied',
    });

    // A republish the stream no longer deduplicates (another Nats-Msg-Id): only the inbox stands in the way.
    const js = jetstream(await world.nats());
    const copy = await js.publish(eventSubject(world.namespace, 'test.flaky'), JSON.stringify(event), {
      msgID: `${event.id}:after-window`,
    });
    expect(copy.duplicate).toBe(false);
    await waitFor(
      async () => {
        const info = await world.consumerInfo(consumerName);
        return info.ack_floor.stream_seq >= copy.seq && info.num_ack_pending === 0;
      },
      { what: 'the consumer to acknowledge the copy' },
    );

    expect((await consumer.effects()).filter((row) => row.event_id === event.id)).toHaveLength(1);
    expect(handler.calls.filter((call) => call.id === event.id)).toHaveLength(1);
    expect(handler.committed.filter((call) => call.id === event.id)).toHaveLength(1);
    expect(await consumer.deadLetters()).toEqual([]);
  });
});

describe('a consumer that was offline', () => {
  const world = new MessagingWorld('offline');
  afterAll(() => world.close());

  it('receives every event published while it was down, in per-document order', async () => {
    const documents = 50;
    const sequences = 20;
    const producer = await world.service('producer');
    const consumer = await world.service('consumer');
    const definitions = () => [
      recordingHandler({ durable: 'plain', eventTypes: ['test.offline'] }),
      recordingHandler({ durable: 'ordered', eventTypes: ['test.offline'], ordered: true }),
    ];

    // First start creates the durable consumers; then the service goes down.
    const first = await consumer.start({ produces: false, handlers: definitions(), replaySources: ['producer'] });
    const names = first.consumers.map((runner) => runner.consumerName);
    await first.stop();

    const emitter = await producer.start({ produces: true });
    const documentIds = range(1, documents).map(() => randomUUID());
    for (const sequence of range(1, sequences)) {
      // Interleaved: every round carries one event per document, starting at a different document.
      const order = documentIds.map((_, index) => documentIds[(index + sequence * 7) % documents]);
      await producer.emit(emitter, order.map((documentId) => newEvent('test.offline', documentId, sequence)));
    }
    await waitFor(async () => (await producer.unsentOutboxRows()) === 0, { what: 'the relay to publish everything' });
    expect((await world.streamInfo()).state.messages).toBe(documents * sequences);
    for (const name of names) expect((await world.consumerInfo(name)).num_pending).toBe(documents * sequences);
    expect(await consumer.effects()).toEqual([]);

    await consumer.start({ produces: false, handlers: definitions(), replaySources: ['producer'] });
    await waitFor(async () => (await count(consumer, 'SELECT 1 FROM effect')) === 2 * documents * sequences, {
      what: 'the consumer to catch up',
      timeoutMs: 40_000,
      intervalMs: 250,
    });

    for (const durable of ['plain', 'ordered']) {
      const rows = await consumer.effects(durable);
      expect(rows).toHaveLength(documents * sequences);
      expect(new Set(rows.map((row) => row.event_id)).size).toBe(documents * sequences);
      const byDocument = sequencesByDocument(rows);
      expect([...byDocument.keys()].sort()).toEqual([...documentIds].sort());
      for (const applied of byDocument.values()) expect(applied).toEqual(range(1, sequences));
    }
    for (const name of names) await waitFor(() => world.consumerIdle(name), { what: `${name} to be idle` });
  });
});

describe('poison messages', () => {
  const world = new MessagingWorld('poison');
  afterAll(() => world.close());

  it('dead-letters a failing event and a malformed body after bounded attempts while the others are applied', async () => {
    const producer = await world.service('producer');
    const consumer = await world.service('consumer');
    const handler = recordingHandler({
      durable: 'effects',
      eventTypes: ['test.poison'],
      maxDeliveries: 3,
      after: (event) => {
        if ((event.payload as { poison?: boolean }).poison) throw new Error('cannot digest this event');
      },
    });
    const runtime = await consumer.start({ produces: false, handlers: [handler], consumer: { baseRetryDelayMs: 20 } });
    const consumerName = runtime.consumers[0].consumerName;
    const emitter = await producer.start({ produces: true });
    const subject = eventSubject(world.namespace, 'test.poison');
    const js = jetstream(await world.nats());

    const before = await producer.emit(emitter, range(1, 10).map(() => newEvent('test.poison', randomUUID(), 1)));
    const [poison] = await producer.emit(emitter, [newEvent('test.poison', randomUUID(), 1, { poison: true })]);
    await waitFor(async () => (await producer.unsentOutboxRows()) === 0, { what: 'the relay to publish' });
    const malformed = await js.publish(subject, '{"not": "an envelope"', { msgID: `malformed-${randomUUID()}` });
    const after = await producer.emit(emitter, range(1, 10).map(() => newEvent('test.poison', randomUUID(), 1)));
    const healthy = [...before, ...after].map((event) => event.id);

    await waitFor(
      async () =>
        (await consumer.deadLetters()).length === 2 &&
        (await consumer.effects()).length === healthy.length &&
        (await world.consumerIdle(consumerName)),
      { what: 'the poison to be dead-lettered and the rest applied' },
    );

    expect(new Set((await consumer.effects()).map((row) => row.event_id))).toEqual(new Set(healthy));
    expect(handler.calls.filter((call) => call.id === poison.id)).toHaveLength(3);

    const deadLetters = await consumer.deadLetters();
    const poisonRow = deadLetters.find((row) => row.event_id === poison.id);
    expect(poisonRow).toMatchObject({
      consumer: consumerName,
      event_type: 'test.poison',
      document_id: poison.documentId,
      deliveries: 3,
      error: 'Error: cannot digest this event',
    });
    expect(JSON.parse(poisonRow!.body)).toEqual(poison);
    const malformedRow = deadLetters.find((row) => row.event_id === null);
    expect(malformedRow).toMatchObject({
      consumer: consumerName,
      event_type: null,
      document_id: null,
      stream_sequence: String(malformed.seq),
      deliveries: 1,
      error: 'malformed envelope',
      body: '{"not": "an envelope"',
    });

    const dlq = deadLetterSubject(world.namespace, consumerName);
    expect((await world.streamInfo()).state.subjects?.[dlq]).toBe(2);
    const reader = await js.consumers.get(world.stream, { filter_subjects: dlq });
    const parked: JsMsg[] = [];
    for await (const msg of await reader.fetch({ max_messages: 2, expires: 5_000 })) parked.push(msg);
    expect(parked).toHaveLength(2);
    const bySequence = new Map(parked.map((msg) => [msg.headers?.get('Sanshen-Stream-Sequence'), msg]));
    const parkedPoison = bySequence.get(poisonRow!.stream_sequence)!;
    expect(parkedPoison.json<EventEnvelope>()).toEqual(poison);
    expect(parkedPoison.headers?.get('Sanshen-Dead-Letter-Consumer')).toBe(consumerName);
    expect(parkedPoison.headers?.get('Sanshen-Dead-Letter-Reason')).toBe('Error: cannot digest this event');
    expect(parkedPoison.headers?.get('Sanshen-Original-Subject')).toBe(subject);
    const parkedMalformed = bySequence.get(String(malformed.seq))!;
    expect(parkedMalformed.string()).toBe('{"not": "an envelope"');
    expect(parkedMalformed.headers?.get('Sanshen-Dead-Letter-Reason')).toBe('malformed envelope');
  });

  it('applies what one pull delivers in one transaction, and a poisoned event in it costs its neighbours nothing', async () => {
    const producer = await world.service('batch-producer');
    const consumer = await world.service('batch-consumer');
    const handler = () =>
      recordingHandler({
        durable: 'batched',
        eventTypes: ['test.batched'],
        ordered: true,
        maxDeliveries: 3,
        after: (event) => {
          if ((event.payload as { poison?: boolean }).poison) throw new Error('cannot digest this event');
        },
      });
    // The durable consumer exists, then the service is down while 40 events (one poisoned) wait for it.
    const consumerName = await durableThenDown(consumer, handler(), 'batch-producer');
    const emitter = await producer.start({ produces: true });
    const documentIds = range(1, 20).map(() => randomUUID());
    const healthy = await producer.emit(emitter, documentIds.map((documentId) => newEvent('test.batched', documentId, 1)));
    const [poison] = await producer.emit(emitter, [newEvent('test.batched', randomUUID(), 1, { poison: true })]);
    healthy.push(...(await producer.emit(emitter, documentIds.map((documentId) => newEvent('test.batched', documentId, 2)))));
    await waitFor(async () => (await producer.unsentOutboxRows()) === 0, { what: 'the relay to publish' });

    const restarted = handler();
    await consumer.start({ produces: false, handlers: [restarted], replaySources: ['batch-producer'], consumer: { baseRetryDelayMs: 20 } });
    await waitFor(
      async () =>
        (await consumer.deadLetters()).length === 1 &&
        (await consumer.effects()).length === healthy.length &&
        (await world.consumerIdle(consumerName)),
      { what: 'the batch applied and the poison dead-lettered' },
    );

    expect(new Set((await consumer.effects()).map((row) => row.event_id))).toEqual(new Set(healthy.map((event) => event.id)));
    for (const applied of sequencesByDocument(await consumer.effects()).values()) expect(applied).toEqual([1, 2]);
    // Once per delivery, batch or not: the handler ran as often for the poison as on its own (its
    // neighbours' first run was rolled back with it, so each left exactly one effect).
    expect(restarted.calls.filter((call) => call.id === poison.id)).toHaveLength(3);
    expect(await consumer.effects()).toHaveLength(healthy.length);
    // Inbox rows written by one transaction share its id: 40 events took far fewer commits than events.
    const transactions = await count(consumer, 'SELECT DISTINCT xmin::text FROM inbox WHERE consumer = $1', [consumerName]);
    expect(transactions).toBeLessThan(healthy.length / 4);
    // And one statement each: the rows a statement inserts share its command id within the transaction.
    const commands = (await consumer.dataSource.query('SELECT count(DISTINCT cmin::text)::int AS n FROM inbox WHERE consumer = $1 GROUP BY xmin::text', [consumerName])) as { n: number }[];
    expect(commands.map((row) => row.n)).toEqual(commands.map(() => 1));
  });
});

describe('a sequence gap seen by an ordered consumer', () => {
  const world = new MessagingWorld('gap');
  afterAll(() => world.close());

  it('replays the missing events from the producer outbox and applies everything in order', async () => {
    const producer = await world.service('producer');
    const consumer = await world.service('consumer');
    const handler = recordingHandler({ durable: 'ordered', eventTypes: ['test.gap'], ordered: true });
    const runtime = await consumer.start({
      produces: false,
      handlers: [handler],
      replaySources: [producer.name],
      consumer: { baseRetryDelayMs: 50 },
    });
    const consumerName = runtime.consumers[0].consumerName;
    const emitter = await producer.start({ produces: true });
    const documentId = randomUUID();

    const [first] = await producer.emit(emitter, [newEvent('test.gap', documentId, 1)]);
    await waitFor(async () => (await consumer.effects()).length === 1, { what: 'sequence 1 to be applied' });

    // Sequences 2 and 3 reach the outbox and are marked sent, but never reach the stream: a lost message.
    const lost = await producer.dataSource.transaction(async (manager) => {
      const envelopes = await emitter.emit(manager, [newEvent('test.gap', documentId, 2), newEvent('test.gap', documentId, 3)]);
      await manager.query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1::uuid[])', [envelopes.map((e) => e.id)]);
      return envelopes;
    });
    const later = await producer.emit(emitter, [newEvent('test.gap', documentId, 4), newEvent('test.gap', documentId, 5)]);

    await waitFor(async () => (await consumer.effects()).length === 5 && (await world.consumerIdle(consumerName)), {
      what: 'the gap to be replayed',
    });

    const stream = await world.streamInfo();
    expect(stream.state.messages).toBe(3);
    const effects = await consumer.effects();
    expect(effects.map((row) => row.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(effects.map((row) => row.event_id)).toEqual([first, ...lost, ...later].map((event) => event.id));
    const [cursor] = (await consumer.dataSource.query(
      'SELECT last_sequence FROM consumer_cursor WHERE consumer = $1 AND document_id = $2',
      [consumerName, documentId],
    )) as { last_sequence: number }[];
    expect(cursor.last_sequence).toBe(5);
    expect(consumer.logger.messages('warn')).toContain('sequence gap: replaying from producer outboxes');
    expect(await consumer.deadLetters()).toEqual([]);
  });
});

describe('a stream made anew (NATS lost its store, or a database restored after the stream was removed)', () => {
  const world = new MessagingWorld('anew');
  afterAll(() => world.close());

  it('republishes the sent events the new stream lacks, and the consumers apply each event once', async () => {
    const producer = await world.service('producer');
    const consumer = await world.service('consumer');
    const handlers = () => [recordingHandler({ durable: 'plain', eventTypes: ['test.anew'] })];
    const firstConsumer = await consumer.start({ produces: false, handlers: handlers() });
    const firstProducer = await producer.start({ produces: true });
    const before = await producer.emit(firstProducer, range(1, 5).map(() => newEvent('test.anew', randomUUID(), 1)));
    await waitFor(async () => (await consumer.effects()).length === 5, { what: 'the first events applied' });
    await firstProducer.stop();
    await firstConsumer.stop();

    await (await world.manager()).streams.delete(world.stream);
    const emitter = await producer.start({ produces: true });
    const after = await producer.emit(emitter, range(1, 2).map(() => newEvent('test.anew', randomUUID(), 1)));
    await waitFor(async () => (await producer.unsentOutboxRows()) === 0, { what: 'the relay to publish everything' });
    expect(producer.logger.messages('warn')).toContain('stream is newer than sent events: republishing them');
    expect((await world.streamInfo()).state.messages).toBe(7);

    const [runner] = (await consumer.start({ produces: false, handlers: handlers() })).consumers;
    await waitFor(async () => (await consumer.effects()).length === 7 && (await world.consumerIdle(runner!.consumerName)), {
      what: 'the consumer to catch up on the new stream',
    });
    const effects = await consumer.effects();
    expect(effects.map((row) => row.event_id).sort()).toEqual([...before, ...after].map((event) => event.id).sort());
  });
});

describe("a handler's first read, sent along with the inbox statement", () => {
  const world = new MessagingWorld('read-along');
  afterAll(() => world.close());

  interface Read {
    cursor: number | null;
    effects: number;
    xid: string;
  }

  it('runs after the inbox statement in the event’s transaction, reaches the handler, and is dropped for a duplicate', async () => {
    const producer = await world.service('producer');
    const consumer = await world.service('consumer');
    let consumerName = '';
    const reads: { eventId: string; read: Read }[] = [];
    const given: { read: Read | undefined; xid: string }[] = [];
    const recording = recordingHandler({ durable: 'read-along', eventTypes: ['test.read-along'], ordered: true });
    const handler: EventHandlerDefinition<Read> = {
      ...recording,
      async readAlong(event, manager) {
        const [read] = (await manager.query(
          `SELECT (SELECT last_sequence FROM consumer_cursor WHERE consumer = $1 AND document_id = $2) AS cursor,
                  (SELECT count(*)::int FROM effect WHERE document_id = $2) AS effects, txid_current()::text AS xid`,
          [consumerName, event.documentId],
        )) as Read[];
        reads.push({ eventId: event.id, read: read as Read });
        return read as Read;
      },
      async handle(event, manager, read) {
        const [{ xid }] = (await manager.query('SELECT txid_current()::text AS xid')) as { xid: string }[];
        given.push({ read, xid });
        return recording.handle(event, manager);
      },
    };
    const runtime = await consumer.start({ produces: false, handlers: [handler], replaySources: [producer.name] });
    consumerName = runtime.consumers[0].consumerName;
    const emitter = await producer.start({ produces: true });
    const documentId = randomUUID();

    const [first, second] = await producer.emit(emitter, [newEvent('test.read-along', documentId, 1), newEvent('test.read-along', documentId, 2)]);
    await waitFor(async () => (await consumer.effects()).length === 2 && (await world.consumerIdle(consumerName)), { what: 'both events to be applied' });

    // The cursor had already moved to the event (the inbox statement ran first), the earlier effect was there.
    expect(reads.map(({ read }) => [read.cursor, read.effects])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(given.map(({ read }) => read)).toEqual(reads.map(({ read }) => read));
    expect(given.map(({ xid }) => xid)).toEqual(reads.map(({ read }) => read.xid));

    // A copy the stream no longer deduplicates: the read goes out with the inbox statement, the handler never runs.
    const js = jetstream(await world.nats());
    const copy = await js.publish(eventSubject(world.namespace, 'test.read-along'), JSON.stringify(first), { msgID: `${first?.id}:again` });
    await waitFor(
      async () => {
        const info = await world.consumerInfo(consumerName);
        return info.ack_floor.stream_seq >= copy.seq && info.num_ack_pending === 0;
      },
      { what: 'the consumer to acknowledge the copy' },
    );
    expect(reads.map(({ eventId }) => eventId)).toEqual([first?.id, second?.id, first?.id]);
    expect(given).toHaveLength(2);
    expect((await consumer.effects()).map((row) => row.event_id)).toEqual([first?.id, second?.id]);
    expect(await consumer.deadLetters()).toEqual([]);
  });
});

describe('writes sent behind, confirmed by the COMMIT sent right behind them', () => {
  const world = new MessagingWorld('behind');
  afterAll(() => world.close());

  const insertEffect = 'INSERT INTO effect (consumer, event_id, document_id, sequence) VALUES ($1, $2, $3, $4)';
  /** A write PostgreSQL refuses (the sequence is no number) for a poisoned event, the effect row otherwise. */
  const effectOf = (durable: string, event: EventEnvelope): unknown[] => [
    durable,
    event.id,
    event.documentId,
    (event.payload as { poison?: boolean }).poison === true ? 'not a number' : event.sequence,
  ];

  it('commits what the work sent without waiting for the answers, and a refused write undoes it all with its own error', async () => {
    const service = await world.service('behind-tx');
    const row = (sequence: unknown) => ['tx', randomUUID(), randomUUID(), sequence];
    let answered = false;
    const { result } = await transactionBehindWrites(service.dataSource, async (manager) => {
      writeBehind(manager, manager.query(insertEffect, row(1)).then(() => (answered = true)));
      // A statement sent some microtasks after the call (as TypeORM's builders send theirs): still before the COMMIT.
      const later = async () => {
        for (let tick = 0; tick < 50; tick += 1) await Promise.resolve();
        return manager.query(insertEffect, row(2));
      };
      writeBehind(manager, later());
      return answered;
    });
    // The work was done before the writes' answers came; the COMMIT behind them kept both rows, in its transaction.
    expect(result).toBe(false);
    expect(answered).toBe(true);
    expect((await service.effects()).map((effect) => effect.sequence)).toEqual([1, 2]);
    expect(await count(service, 'SELECT DISTINCT xmin::text FROM effect')).toBe(1);

    const refused = transactionBehindWrites(service.dataSource, async (manager) => {
      writeBehind(manager, manager.query(insertEffect, row(3)));
      writeBehind(manager, manager.query(insertEffect, row('not a number')));
      writeBehind(manager, manager.query(insertEffect, row(4)));
      return 'done';
    });
    await expect(refused).rejects.toThrow(/invalid input syntax for type integer/);
    expect((await service.effects()).map((effect) => effect.sequence)).toEqual([1, 2]);
  });

  it('applies the events of a batch whose writes went behind, and a refused write fails only its own event', async () => {
    const producer = await world.service('behind-producer');
    const consumer = await world.service('behind-consumer');
    const calls: EventEnvelope[] = [];
    const committed: EventEnvelope[] = [];
    const handler = (): EventHandlerDefinition => ({
      durable: 'behind',
      eventTypes: ['test.behind'],
      ordered: true,
      maxDeliveries: 3,
      handle(event, manager) {
        calls.push(event);
        writeBehind(manager, manager.query(insertEffect, effectOf('behind', event)));
        return Promise.resolve(() => void committed.push(event));
      },
    });
    // Down while the events wait, so that they arrive together: the poisoned one last of its lane's batch.
    const consumerName = await durableThenDown(consumer, handler(), 'behind-producer');
    const emitter = await producer.start({ produces: true });
    const documentIds = range(1, 12).map(() => randomUUID());
    const healthy = await producer.emit(emitter, documentIds.map((documentId) => newEvent('test.behind', documentId, 1)));
    healthy.push(...(await producer.emit(emitter, documentIds.map((documentId) => newEvent('test.behind', documentId, 2)))));
    const [poison] = await producer.emit(emitter, [newEvent('test.behind', randomUUID(), 1, { poison: true })]);
    await waitFor(async () => (await producer.unsentOutboxRows()) === 0, { what: 'the relay to publish' });

    await consumer.start({ produces: false, handlers: [handler()], replaySources: ['behind-producer'], consumer: { baseRetryDelayMs: 20 } });
    await waitFor(
      async () => (await consumer.deadLetters()).length === 1 && (await world.consumerIdle(consumerName)),
      { what: 'the healthy events applied and the poisoned one dead-lettered' },
    );

    expect(new Set((await consumer.effects()).map((row) => row.event_id))).toEqual(new Set(healthy.map((event) => event.id)));
    for (const applied of sequencesByDocument(await consumer.effects()).values()) expect(applied).toEqual([1, 2]);
    expect(committed.map((event) => event.id).sort()).toEqual(healthy.map((event) => event.id).sort());
    // The refused write's own error, once per delivery (the batch knew whose write it was).
    const [parked] = await consumer.deadLetters();
    expect(parked).toMatchObject({ event_id: poison?.id, deliveries: 3 });
    expect(parked?.error).toMatch(/invalid input syntax for type integer/);
    expect(calls.filter((call) => call.id === poison?.id)).toHaveLength(3);
    expect(await count(consumer, 'SELECT 1 FROM inbox WHERE event_id = $1', [poison?.id])).toBe(0);
  });
});

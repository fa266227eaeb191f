import { randomUUID } from 'node:crypto';
import { awaitApplied } from '@sanshen/messaging';
import type { EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { waitFor } from '../../../test/support/wait-for.js';
import { MessagingWorld, newEvent, recordingHandler } from './fixture.js';
import type { TestService } from './fixture.js';

/**
 * Hand-over waits: a step asks the next service (`<service>.events.applied`) whether its consumers
 * have applied the event it emitted, and answers its caller once they have, or at the bound.
 */
describe('waiting for the next service to apply an event', () => {
  const world = new MessagingWorld('handover');
  let producer: TestService;
  let consumer: TestService;
  let emitter: Awaited<ReturnType<TestService['start']>>;
  const applied = recordingHandler({ durable: 'effects', eventTypes: ['test.handed'] });
  const ordered = recordingHandler({ durable: 'ordered', eventTypes: ['test.>'], ordered: true });
  const failing = recordingHandler({
    durable: 'failing',
    eventTypes: ['test.stuck'],
    maxDeliveries: 1000,
    after: () => {
      throw new Error('this consumer never manages');
    },
  });

  beforeAll(async () => {
    producer = await world.service('producer');
    consumer = await world.service('consumer');
    emitter = await producer.start({ produces: true, relayIntervalMs: 60_000 });
    await consumer.start({ produces: false, handlers: [applied, ordered, failing], consumer: { baseRetryDelayMs: 50 } });
  });
  afterAll(() => world.close());

  async function write(type: string): Promise<Awaited<ReturnType<typeof emitter.emit>>> {
    return producer.dataSource.transaction((manager) => emitter.emit(manager, [newEvent(type, randomUUID(), 1)]));
  }

  it('returns once every consumer of the next service that records the event has applied it', async () => {
    const events = await write('test.handed');

    // The relay's own tick is a minute away: only the hand-over's nudge publishes the event.
    const late = await emitter.handOver(events, () => ['consumer'], 5_000);

    expect(late.size).toBe(0);
    const effects = await consumer.effects();
    expect(effects.filter((row) => row.event_id === events[0]!.id).map((row) => row.consumer).sort()).toEqual(['effects', 'ordered']);
  });

  it('answers at once for an event applied before the question', async () => {
    const events = await write('test.handed');
    emitter.afterCommit();
    await waitFor(async () => (await consumer.effects()).filter((row) => row.event_id === events[0]!.id).length === 2, {
      what: 'both consumers to apply the event',
    });

    const started = Date.now();
    expect(await awaitApplied(await world.nats(), world.namespace, ['consumer'], events[0]!, 5_000)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('gives up at the bound, reporting the service, while a consumer of it keeps failing', async () => {
    const events = await write('test.stuck');
    const started = Date.now();

    const late = await emitter.handOver(events, () => ['consumer'], 700);

    const waited = Date.now() - started;
    expect(late.get(events[0]!.id)).toEqual(['consumer']);
    expect(waited).toBeGreaterThanOrEqual(700);
    expect(waited).toBeLessThan(3_000);
    expect(failing.calls.some((call) => call.id === events[0]!.id)).toBe(true);
  });

  it('reports an unreachable service as late without waiting for the bound', async () => {
    const events = await write('test.handed');
    const started = Date.now();

    const late = await emitter.handOver(events, () => ['nobody'], 5_000);

    expect(late.get(events[0]!.id)).toEqual(['nobody']);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('a hand-over the next service is still applying', () => {
  const world = new MessagingWorld('handheld');
  /** Takes its time inside the transaction, so the waiter wakes several times while the event is in work. */
  const slow = {
    durable: 'slow',
    eventTypes: ['test.slow'],
    async handle(event: { id: string; documentId: string; sequence: number }, manager: EntityManager): Promise<void> {
      await manager.query('INSERT INTO effect (consumer, event_id, document_id, sequence) VALUES ($1, $2, $3, $4)', ['slow', event.id, event.documentId, event.sequence]);
      await new Promise((resolve) => setTimeout(resolve, 600));
    },
  };

  afterAll(() => world.close());

  it('is not looked up in the inbox while the consumer it was delivered to holds it', async () => {
    const producer = await world.service('producer');
    const consumer = await world.service('consumer');
    const emitter = await producer.start({ produces: true, relayIntervalMs: 60_000 });
    await consumer.start({ produces: false, handlers: [slow] });
    const query = vi.spyOn(consumer.dataSource, 'query');
    const events = await producer.dataSource.transaction((manager) => emitter.emit(manager, [newEvent('test.slow', randomUUID(), 1)]));

    const late = await emitter.handOver(events, () => ['consumer'], 5_000);

    expect(late.size).toBe(0);
    expect((await consumer.effects('slow')).map((row) => row.event_id)).toEqual([events[0]!.id]);
    // Woken at 50 and 250 ms with the event still in work: heard when recorded, never read.
    expect(query.mock.calls.filter(([sql]) => /FROM inbox WHERE event_id/.test(sql))).toEqual([]);
  });
});

describe('a consumer whose handler emits', () => {
  const world = new MessagingWorld('chained');
  let runtime: Awaited<ReturnType<TestService['start']>>;
  const followed = recordingHandler({ durable: 'followed', eventTypes: ['test.second'] });
  /** Applies `test.first` by emitting `test.second` in the same transaction, as a transition inside a consumer does. */
  const chaining = {
    durable: 'chaining',
    eventTypes: ['test.first'],
    async handle(event: { documentId: string }, manager: Parameters<typeof runtime.emit>[0]): Promise<void> {
      await runtime.emit(manager, [newEvent('test.second', event.documentId, 2)]);
    },
  };

  afterAll(() => world.close());

  it('publishes what the handler emitted once its transaction commits, not at the relay’s next tick', async () => {
    const service = await world.service('chain');
    // The relay's own tick is a minute away: only the nudge after the consumer's commit publishes.
    runtime = await service.start({ produces: true, relayIntervalMs: 60_000, handlers: [chaining, followed] });
    const [first] = await service.emit(runtime, [newEvent('test.first', randomUUID(), 1)]);
    await waitFor(async () => (await service.effects('followed')).some((row) => row.document_id === first!.documentId), {
      what: 'the event emitted inside the consumer to be published and applied',
      timeoutMs: 10_000,
    });
  });
});

import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { eventsAppliedPattern, rpcSubject } from '@sanshen/contracts';
import type { EventEnvelope, EventsAppliedReply, EventsAppliedRequest, Namespace } from '@sanshen/contracts';
import type { DataSource } from 'typeorm';
import type { EventConsumerRunner } from './consumer.js';
import { silentLogger } from './types.js';
import type { MessagingLogger } from './types.js';

const APPLIED_QUEUE = 'events-applied';
/** A waiter never holds a request longer than this, whatever it asks for. */
const MAX_WAIT_MS = 30_000;
/** How often a waiter re-reads the inbox (another replica of the service may apply the event). */
const INBOX_POLL_MS = 200;
/**
 * How long a waiter first listens to this process's own consumers before it reads the inbox: with one
 * replica the event is applied here (heard, no query); another replica's is found by the reads.
 */
const FIRST_READ_MS = 50;
/** Recently recorded events remembered per process: a request for one recorded just before it needs no query. */
const RECENT_EVENTS = 2048;

type RecordedListener = (consumer: string, event: EventEnvelope) => void;

/** In-process fan-out of "this consumer has recorded this event" from the runners to the waiters. */
export class RecordedEvents {
  private readonly listeners = new Set<RecordedListener>();
  /** Consumers that recorded each recent event, oldest first (a Map keeps insertion order). */
  private readonly recent = new Map<string, Set<string>>();

  notify(consumer: string, event: EventEnvelope): void {
    const consumers = this.recent.get(event.id);
    if (consumers) consumers.add(consumer);
    else {
      this.recent.set(event.id, new Set([consumer]));
      if (this.recent.size > RECENT_EVENTS) this.recent.delete(this.recent.keys().next().value as string);
    }
    for (const listener of this.listeners) listener(consumer, event);
  }

  /** The consumers of this process known to have recorded the event lately. */
  recordedBy(eventId: string): ReadonlySet<string> {
    return this.recent.get(eventId) ?? new Set();
  }

  listen(listener: RecordedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Answers `<service>.events.applied`: once every consumer of this service that records the event has
 * its inbox row committed (the event's effect is visible here), `applied: true`; after the request's
 * wait, `applied: false`. It listens to its own runners and re-reads the inbox, so an event applied
 * by another replica or before the request arrived is seen too; not while its own runners hold the
 * event (delivered here, in work), which they record and tell of themselves.
 */
export class AppliedEventsResponder {
  private subscription: Subscription | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly nc: NatsConnection,
    private readonly namespace: Namespace,
    private readonly service: string,
    private readonly consumers: () => readonly EventConsumerRunner[],
    private readonly recorded: RecordedEvents,
    private readonly logger: MessagingLogger = silentLogger,
  ) {}

  start(): void {
    this.subscription = this.nc.subscribe(rpcSubject(this.namespace, eventsAppliedPattern(this.service)), {
      queue: APPLIED_QUEUE,
      callback: (error, msg) => {
        if (error) {
          this.logger.error({ err: error }, 'events-applied subscription failed');
          return;
        }
        void this.answer(msg.json<EventsAppliedRequest>())
          .catch((failure: unknown) => {
            this.logger.error({ err: failure }, 'events-applied check failed');
            return { applied: false };
          })
          .then((reply) => msg.respond(JSON.stringify(reply)));
      },
    });
  }

  async stop(): Promise<void> {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  async answer(request: EventsAppliedRequest): Promise<EventsAppliedReply> {
    const recording = this.consumers().filter((consumer) => consumer.records(request.eventType));
    const pending = new Set(recording.map((consumer) => consumer.consumerName));
    if (pending.size === 0) return { applied: true };
    // While this process's own consumers hold the event, they are the ones to record it: nothing to read.
    const heldHere = () => recording.every((consumer) => !pending.has(consumer.consumerName) || consumer.holds(request.eventId));
    const deadline = Date.now() + Math.min(Math.max(0, request.waitMs), MAX_WAIT_MS);
    let woken: (() => void) | null = null;
    const stopListening = this.recorded.listen((consumer, event) => {
      if (event.id !== request.eventId) return;
      pending.delete(consumer);
      if (pending.size === 0) woken?.();
    });
    try {
      // Listening first, then looking at what was recorded: an event recorded in between is not missed.
      for (const consumer of this.recorded.recordedBy(request.eventId)) pending.delete(consumer);
      let wait = FIRST_READ_MS;
      for (;;) {
        if (pending.size === 0) return { applied: true };
        const left = deadline - Date.now();
        if (left <= 0) {
          // The last word is the inbox's (another replica, or applied before this process started).
          await this.readInbox(request.eventId, pending);
          return { applied: pending.size === 0 };
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, wait));
          woken = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        woken = null;
        if (pending.size === 0) return { applied: true };
        if (!heldHere()) await this.readInbox(request.eventId, pending);
        wait = INBOX_POLL_MS;
      }
    } finally {
      stopListening();
    }
  }

  private async readInbox(eventId: string, pending: Set<string>): Promise<void> {
    const rows = (await this.dataSource.query(`SELECT consumer FROM inbox WHERE event_id = $1 AND consumer = ANY($2)`, [
      eventId,
      [...pending],
    ])) as { consumer: string }[];
    for (const row of rows) pending.delete(row.consumer);
  }
}

/**
 * Asks each service whether it has applied the event, waiting up to `waitMs` (together, not each).
 * Returns the services that had not applied it in time: unreachable ones (down, no responders)
 * count as not applied. Never throws: the step that emitted the event has committed either way.
 */
export async function awaitApplied(
  nc: NatsConnection,
  namespace: Namespace,
  services: readonly string[],
  event: EventEnvelope,
  waitMs: number,
): Promise<string[]> {
  const request: EventsAppliedRequest = { eventId: event.id, eventType: event.type, documentId: event.documentId, waitMs };
  const answers = await Promise.all(
    services.map(async (service) => {
      try {
        const reply = await nc.request(rpcSubject(namespace, eventsAppliedPattern(service)), JSON.stringify(request), {
          // The service answers `applied: false` at waitMs; the margin covers the round trip.
          timeout: waitMs + 1_000,
        });
        return reply.json<EventsAppliedReply>().applied ? null : service;
      } catch {
        return service;
      }
    }),
  );
  return answers.filter((service) => service !== null);
}

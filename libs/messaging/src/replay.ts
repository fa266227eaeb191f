import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { outboxReplayPattern, rpcSubject } from '@sanshen/contracts';
import type { EventEnvelope, Namespace, OutboxReplayReply, OutboxReplayRequest } from '@sanshen/contracts';
import type { DataSource } from 'typeorm';
import { readOutboxRange } from './outbox.js';
import { silentLogger } from './types.js';
import type { MessagingLogger } from './types.js';

const REPLAY_QUEUE = 'outbox-replay';

/** Answers `<service>.outbox.replay`: the producer's outbox rows for one document and range. */
export class OutboxReplayResponder {
  private subscription: Subscription | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly nc: NatsConnection,
    private readonly namespace: Namespace,
    private readonly service: string,
    private readonly logger: MessagingLogger = silentLogger,
  ) {}

  start(): void {
    const subject = rpcSubject(this.namespace, outboxReplayPattern(this.service));
    this.subscription = this.nc.subscribe(subject, {
      queue: REPLAY_QUEUE,
      callback: (error, msg) => {
        if (error) {
          this.logger.error({ err: error }, 'outbox replay subscription failed');
          return;
        }
        void this.answer(msg.json<OutboxReplayRequest>())
          .then((reply) => msg.respond(JSON.stringify(reply)))
          .catch((failure: unknown) => {
            this.logger.error({ err: failure }, 'outbox replay failed');
            msg.respond(JSON.stringify({ events: [], error: 'replay failed' }));
          });
      },
    });
  }

  async stop(): Promise<void> {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  private async answer(request: OutboxReplayRequest): Promise<OutboxReplayReply> {
    const events = await readOutboxRange(
      this.dataSource.manager,
      request.documentId,
      request.fromSequence,
      request.toSequence,
    );
    return { events };
  }
}

/**
 * Asks every producer for a document's events in a range and merges the answers by sequence.
 * A producer that does not answer is skipped: the caller sees the range incomplete and retries later.
 */
export async function requestReplay(
  nc: NatsConnection,
  namespace: Namespace,
  producers: readonly string[],
  request: OutboxReplayRequest,
  timeoutMs = 2000,
): Promise<EventEnvelope[]> {
  const answers = await Promise.allSettled(
    producers.map(async (producer) => {
      const reply = await nc.request(rpcSubject(namespace, outboxReplayPattern(producer)), JSON.stringify(request), {
        timeout: timeoutMs,
      });
      return reply.json<OutboxReplayReply>().events;
    }),
  );
  const bySequence = new Map<number, EventEnvelope>();
  for (const answer of answers) {
    if (answer.status !== 'fulfilled') continue;
    for (const event of answer.value) bySequence.set(event.sequence, event);
  }
  return [...bySequence.values()].sort((a, b) => a.sequence - b.sequence);
}

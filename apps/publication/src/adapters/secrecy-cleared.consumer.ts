import { Injectable } from '@nestjs/common';
import { documentEventName, isDocumentEvent } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import type { EventHandlerDefinition } from '@sanshen/messaging';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { PushQueue } from '../queue/push-queue.js';
import { StartPublicationUseCase } from '../use-cases/start-publication/start-publication.use-case.js';

const payloadSchema = z.object({
  version: z.number().int().positive(),
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  decisionId: z.string(),
  basis: z.string(),
  opinion: z.string(),
});

/** JetStream durable `publication-publisher`: a cleared version starts its publication. */
@Injectable()
export class SecrecyClearedConsumer implements EventHandlerDefinition {
  readonly durable = 'publisher';
  readonly eventTypes = [documentEventName('secrecy_cleared')];

  /** Publications whose push starts once the transaction that applied their event commits, by event id. */
  private readonly starting = new LRUCache<string, string>({ max: 4096 });

  constructor(
    private readonly startPublication: StartPublicationUseCase,
    private readonly queue: PushQueue,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (!isDocumentEvent(event, 'secrecy_cleared')) return;
    // The payload decides what is published: refused (redelivered, then dead-lettered) unless well formed.
    const payload = payloadSchema.safeParse(event.payload);
    if (!payload.success) throw new Error(`malformed secrecy_cleared payload: ${payload.error.message}`);
    const started = await this.startPublication.execute({ ...event, payload: payload.data }, manager);
    if (started !== null) this.starting.set(event.id, started);
  }

  afterCommit(event: EventEnvelope): void {
    const publicationId = this.starting.get(event.id);
    if (publicationId === undefined) return;
    this.starting.delete(event.id);
    void this.queue.startNow(publicationId, 0).catch(() => undefined);
  }
}

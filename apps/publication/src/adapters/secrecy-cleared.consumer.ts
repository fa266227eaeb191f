import { Injectable } from '@nestjs/common';
import { documentEventName, isDocumentEvent } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import type { AfterCommit, EventHandlerDefinition } from '@sanshen/messaging';
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

  constructor(
    private readonly startPublication: StartPublicationUseCase,
    private readonly queue: PushQueue,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<AfterCommit | undefined> {
    if (!isDocumentEvent(event, 'secrecy_cleared')) return undefined;
    // The payload decides what is published: refused (redelivered, then dead-lettered) unless well formed.
    const payload = payloadSchema.safeParse(event.payload);
    if (!payload.success) throw new Error(`malformed secrecy_cleared payload: ${payload.error.message}`);
    const started = await this.startPublication.execute({ ...event, payload: payload.data }, manager);
    // Its push job waits for this commit; then it starts at once.
    return started === null ? undefined : () => void this.queue.startNow(started, 0).catch(() => undefined);
  }
}

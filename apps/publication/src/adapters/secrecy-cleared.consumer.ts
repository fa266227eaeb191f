import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { documentEventName } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import type { EventHandlerDefinition } from '@sanshen/messaging';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { StartPublicationUseCase } from '../use-cases/start-publication/start-publication.use-case.js';
import type { SecrecyCleared } from '../use-cases/start-publication/start-publication.use-case.js';

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
  private useCase: StartPublicationUseCase | null = null;

  // The use case emits through EventOutbox, which needs the messaging runtime, which is built from
  // this handler: it is looked up on first use instead of injected, or Nest would see a cycle.
  constructor(private readonly moduleRef: ModuleRef) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (event.type !== documentEventName('secrecy_cleared')) return;
    const payload = payloadSchema.safeParse(event.payload);
    if (!payload.success) throw new Error(`malformed secrecy_cleared payload: ${payload.error.message}`);
    await this.startPublication().execute({ ...event, type: documentEventName('secrecy_cleared'), payload: payload.data } as SecrecyCleared, manager);
  }

  private startPublication(): StartPublicationUseCase {
    this.useCase ??= this.moduleRef.get(StartPublicationUseCase, { strict: false }) ?? null;
    if (this.useCase === null) throw new Error('StartPublicationUseCase is not registered');
    return this.useCase;
  }
}

import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@sanshen/contracts';
import type { EventHandlerDefinition } from '@sanshen/messaging';
import type { EntityManager } from 'typeorm';
import type { DocumentOrmEntity } from '../persistence/document.orm-entity.js';
import { ProjectLifecycleUseCase } from '../use-cases/project-lifecycle/project-lifecycle.use-case.js';

/** Every document event, in order per document: drafting's status projection (its row read along with the inbox statement). */
@Injectable()
export class LifecycleConsumer implements EventHandlerDefinition<DocumentOrmEntity | null> {
  readonly durable = 'lifecycle-projection';
  readonly eventTypes = ['document.>'];
  readonly ordered = true;

  constructor(private readonly project: ProjectLifecycleUseCase) {}

  readAlong(event: EventEnvelope, manager: EntityManager): Promise<DocumentOrmEntity | null> {
    return this.project.lock(event, manager);
  }

  handle(event: EventEnvelope, manager: EntityManager, locked: DocumentOrmEntity | null): Promise<void> {
    this.project.execute(event, manager, locked);
    return Promise.resolve();
  }
}

import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@sanshen/contracts';
import type { EventHandlerDefinition } from '@sanshen/messaging';
import type { EntityManager } from 'typeorm';
import { ProjectLifecycleUseCase } from '../use-cases/project-lifecycle/project-lifecycle.use-case.js';

/** Every document event, in order per document: drafting's status projection. */
@Injectable()
export class LifecycleConsumer implements EventHandlerDefinition {
  readonly durable = 'lifecycle-projection';
  readonly eventTypes = ['document.>'];
  readonly ordered = true;

  constructor(private readonly project: ProjectLifecycleUseCase) {}

  handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.project.execute(event, manager);
  }
}

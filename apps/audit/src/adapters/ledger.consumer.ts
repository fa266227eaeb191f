import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@sanshen/contracts';
import type { EventHandlerDefinition } from '@sanshen/messaging';
import type { EntityManager } from 'typeorm';
import { RecordEventUseCase } from '../use-cases/record-event/record-event.use-case.js';

/**
 * Every document event, in each document's sequence, into the ledger. The durable name is a wire
 * contract (consumer `audit-ledger` on the stream): never rename it.
 */
@Injectable()
export class LedgerConsumer implements EventHandlerDefinition {
  readonly durable = 'ledger';
  readonly eventTypes = ['document.>'] as const;
  readonly ordered = true;
  // One lane: the global chain takes the events in the stream's order (every append locks its head anyway).
  readonly lanes = 1;
  // No step waits for the ledger (it is no hand-over target): events a few milliseconds apart share a transaction.
  readonly gatherMs = 20;
  /**
   * The ledger must not lose an event to a passing outage: with the runner's backoff (0.5 s doubling
   * to 30 s) this retries for about ten minutes before dead-lettering.
   */
  readonly maxDeliveries = 25;

  constructor(@Inject(RecordEventUseCase) private readonly recordEvent: RecordEventUseCase) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    await this.recordEvent.execute(event, manager);
  }
}

import type { EventEnvelope } from '@sanshen/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { DocumentTransition } from './document-transition.js';
import type { TransitionOutbox } from './document-transition.js';
import { buildEnvelope } from './envelope.js';
import type { NewEvent } from './envelope.js';

/**
 * A TransitionOutbox that keeps what a step emitted and what it did after the commit, for unit specs
 * of use cases (no database, no NATS): `log` reads like `emit document.x #3`, `published`, `hand-over`.
 */
export class RecordingOutbox implements TransitionOutbox {
  readonly emitted: EventEnvelope[] = [];

  /** `log` may be shared with the spec's other fakes, to see the order of everything. */
  constructor(
    readonly log: string[] = [],
    private readonly producer = 'test',
  ) {}

  async emit(_manager: EntityManager, events: readonly NewEvent<unknown>[]): Promise<EventEnvelope[]> {
    const envelopes = events.map((event) => buildEnvelope(this.producer, event));
    for (const envelope of envelopes) this.log.push(`emit ${envelope.type} #${envelope.sequence}`);
    this.emitted.push(...envelopes);
    return envelopes;
  }

  published(): void {
    this.log.push('published');
  }

  async handOver(events: readonly EventEnvelope[]): Promise<void> {
    this.log.push(`hand-over ${events.map((event) => event.type).join(', ')}`);
  }
}

/** A DocumentTransition whose transaction is `manager` (a fake): the step's logic runs as it would. */
export function transitionOver(outbox: TransitionOutbox, manager: EntityManager = {} as EntityManager): DocumentTransition {
  const dataSource = { transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(manager) } as unknown as DataSource;
  return new DocumentTransition(dataSource, outbox);
}

import type { EventEnvelope } from '@sanshen/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { NewEvent } from './envelope.js';
import { transactionBehindWrites } from './write-behind.js';

/** What a transition needs of the service's event backbone (the platform's EventOutbox is one). */
export interface TransitionOutbox {
  /** Appends events to the outbox in the caller's transaction. */
  emit(manager: EntityManager, events: readonly NewEvent<unknown>[]): Promise<EventEnvelope[]>;
  /** After commit: the relay publishes at once instead of at its next poll. */
  published(): void;
  /** After commit, in a step a person waits for: publishes, then waits for the next owners (bounded). */
  handOver(events: readonly EventEnvelope[]): Promise<void>;
}

/** One move of a document by its owner: the three things only the owner knows. */
export interface TransitionStep<A, D> {
  /** Reads and locks the aggregate's row: racing steps queue here, and the loser finds it moved (409). */
  lock(manager: EntityManager): Promise<A>;
  /**
   * Checks the move on the locked aggregate (the state machine's `assertTransition`, the owner's own
   * rules), decides, and saves what changes, in the transaction (writes whose answer it does not need
   * may go `writeBehind`: the COMMIT goes out behind them and confirms them, and a failed one's error is the step's).
   */
  decide(aggregate: A, manager: EntityManager): Promise<D>;
  /** The events the decision emits, each with the document's next sequence number. */
  emit(decision: D, aggregate: A): readonly NewEvent<unknown>[];
}

export interface TransitionOptions<D> {
  /** A person waits for the step: after the commit, wait until the next owners applied the events. */
  handOver?: boolean;
  /** Work after the commit, alongside the hand-over wait (e.g. reminders); the step stands whatever it does. */
  afterCommit?: (outcome: TransitionOutcome<D>) => Promise<void>;
}

export interface TransitionOutcome<D> {
  decision: D;
  events: EventEnvelope[];
}

/**
 * The one home of a document's hand-over: in one transaction lock the aggregate, decide (the
 * state-machine check is the decision's first rule), save, append the events to the outbox; after
 * the commit nudge the relay — or hand over, when a person waits — so no step has to remember it.
 */
export class DocumentTransition {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: TransitionOutbox,
  ) {}

  async run<A, D>(step: TransitionStep<A, D>, options: TransitionOptions<D> = {}): Promise<TransitionOutcome<D>> {
    const { result: outcome } = await transactionBehindWrites(this.dataSource, (manager) => this.within(manager, step));
    this.outbox.published();
    // The post-commit work and the wait for the next owners overlap: the caller gets both done.
    await Promise.all([options.afterCommit?.(outcome), options.handOver === true ? this.outbox.handOver(outcome.events) : undefined]);
    return outcome;
  }

  /**
   * The same step inside a transaction another owns: a consumer's, which records the event it
   * handles in the inbox. The messaging runtime nudges the relay after that transaction commits, and
   * that transaction's owner confirms the writes sent behind (the outbox rows among them).
   */
  async within<A, D>(manager: EntityManager, step: TransitionStep<A, D>): Promise<TransitionOutcome<D>> {
    const aggregate = await step.lock(manager);
    const decision = await step.decide(aggregate, manager);
    const planned = step.emit(decision, aggregate);
    const events = planned.length === 0 ? [] : await this.outbox.emit(manager, planned);
    return { decision, events };
  }
}

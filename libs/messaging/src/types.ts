import type { EventEnvelope, Namespace } from '@sanshen/contracts';
import type { EntityManager } from 'typeorm';

/** Minimal logger port, so the messaging core runs under Nest (pino) and in plain tests alike. */
export interface MessagingLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
  /** Per-event lines (published, handled): off at the default level, they cost CPU on every event. */
  debug?(obj: Record<string, unknown>, msg: string): void;
}

export const silentLogger: MessagingLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface MessagingOptions {
  namespace: Namespace;
  /** The service this process is: names its outbox replay subject and prefixes its durable consumers. */
  service: string;
  /** How long sent outbox rows are kept for replay (default 7 days). */
  outboxRetentionMs?: number;
  /** Fallback polling interval of the relay (default 500 ms); commits nudge it at once. */
  relayIntervalMs?: number;
  /** Stream replicas: 1 on one server, 3 on a JetStream cluster. */
  streamReplicas?: number;
  logger?: MessagingLogger;
}

/** What a service implements to consume events: one durable consumer per class. */
export interface EventHandlerDefinition<Read = unknown> {
  /** Durable consumer name (a wire contract: never rename). Prefixed with the service name. */
  readonly durable: string;
  /** Event types handled, e.g. ['document.submitted']; 'document.>' for every event of an aggregate. */
  readonly eventTypes: readonly string[];
  /**
   * Ordered consumers want every event of a document in sequence: a gap makes them ask the
   * producers' outboxes for the missing events before going on.
   */
  readonly ordered?: boolean;
  /**
   * Documents applied side by side (default 4), each in order: 1 applies the stream in its order,
   * for a handler whose effect is one sequence across documents (the ledger's global chain).
   */
  readonly lanes?: number;
  /**
   * For a handler no step waits for (not a hand-over target): how long an idle lane waits for more
   * events before applying what it was given (default 0), so that several share one transaction.
   */
  readonly gatherMs?: number;
  /** Deliveries before a failing event goes to the dead-letter subject (default 5). */
  readonly maxDeliveries?: number;
  /**
   * The handler's first read (typically its row, locked), sent on the transaction's connection right
   * behind the inbox statement instead of after its answer: one round trip for both. It is sent for
   * every event the handler handles, a duplicate or an event after a gap too (their transaction then
   * ends without `handle`), so it must only read; a row lock is fine. Its result is `handle`'s `read`.
   */
  readAlong?(event: EventEnvelope, manager: EntityManager): Promise<Read>;
  /**
   * Runs inside the transaction that records the event in the inbox: effect and record commit
   * together. It may return the event's work for after that commit (queueing what it recorded), run
   * once the transaction has committed and never for a duplicate or a rolled-back attempt; it must
   * not throw. `read`: what `readAlong` read, when the handler has one. Writes whose answer it does
   * not need may go `writeBehind`: the transaction's COMMIT is sent behind them and confirms them.
   */
  handle(event: EventEnvelope, manager: EntityManager, read?: Read): Promise<AfterCommit | void>;
}

/** Work a handler leaves for after the commit of the transaction that applied its event. */
export type AfterCommit = () => void;

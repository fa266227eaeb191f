import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { ConsumerConfig, ConsumerMessages, JsMsg, JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders, nanos } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { deadLetterSubject, eventSubject, streamName } from '@sanshen/contracts';
import type { EventEnvelope, Namespace } from '@sanshen/contracts';
import { SpanKind, contextFromHeaders, inSpan, tracingEnabled } from '@sanshen/telemetry';
import type { DataSource, EntityManager } from 'typeorm';
import { parseEnvelope } from './envelope.js';
import { CURSORS_MOVE, INBOX_BATCH, INBOX_BATCH_IN_ORDER, INBOX_ONE, INBOX_ONE_IN_ORDER } from './inbox-statements.js';
import { DocumentLanes } from './lanes.js';
import { preparedQuery } from './prepared.js';
import { requestReplay } from './replay.js';
import { silentLogger } from './types.js';
import { transactionBehindWrites, withWritesSettled, writeBehind } from './write-behind.js';
import type { AfterCommit, EventHandlerDefinition, MessagingLogger } from './types.js';

export interface ConsumerRunnerOptions {
  namespace: Namespace;
  service: string;
  /** Services whose outboxes an ordered consumer asks to replay a gap. */
  replaySources: readonly string[];
  /** First redelivery delay; doubles per delivery up to 30 s (default 500 ms). */
  baseRetryDelayMs?: number;
  ackWaitMs?: number;
  logger?: MessagingLogger;
  /**
   * Told after the inbox row of an event has committed (applied now or earlier): hand-over waits
   * listen. `manager` is the transaction's, so the runtime can tell whether the handler emitted in it.
   */
  onRecorded?: (consumer: string, event: EventEnvelope, manager: EntityManager) => void;
  /** Documents applied side by side (default 4); each document's events stay in order in its lane. */
  lanes?: number;
}

/** Applied (with the handler's work for after the commit, if any), or a duplicate. */
type Outcome = { applied: true; after: AfterCommit | undefined } | { applied: false };
const DUPLICATE: Outcome = { applied: false };

interface Decoded {
  msg: JsMsg;
  envelope: EventEnvelope;
}

/** Which event of a batch failed, and how. */
class BatchFailure extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(`event ${index} of the batch failed`);
  }
}

class SequenceGapError extends Error {
  constructor(readonly expected: number, readonly actual: number) {
    super(`sequence gap: expected ${expected}, got ${actual}`);
  }
}

const DEFAULT_MAX_DELIVERIES = 5;
/** Events of one lane applied in one transaction at most (the pull delivers up to 64 at a time). */
const MAX_BATCH = 32;
/** Documents applied side by side, each in order (lanes by document id). */
const DEFAULT_LANES = 4;
/** Delivered events queued or in work before the consumer waits for the lanes. */
const MAX_IN_WORK = 128;

/**
 * Runs one durable pull consumer for one handler: explicit ack, bounded redelivery with backoff,
 * an inbox row per event (so a redelivered event has no second effect), per-document ordering with
 * gap replay for ordered handlers, and a dead-letter subject for events that keep failing.
 */
export class EventConsumerRunner {
  private readonly js: JetStreamClient;
  private readonly logger: MessagingLogger;
  private readonly name: string;
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;
  private readonly lanes: DocumentLanes<Decoded>;
  /** Events delivered to this runner and not yet settled (recorded, retried or dead-lettered). */
  private readonly inWork = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly nc: NatsConnection,
    private readonly definition: EventHandlerDefinition,
    private readonly options: ConsumerRunnerOptions,
  ) {
    this.js = jetstream(nc);
    this.logger = options.logger ?? silentLogger;
    this.name = `${options.service}-${definition.durable}`;
    this.lanes = new DocumentLanes(
      definition.lanes ?? options.lanes ?? DEFAULT_LANES,
      MAX_BATCH,
      (items) => this.applyLane(items).finally(() => items.forEach(({ envelope }) => this.inWork.delete(envelope.id))),
      definition.gatherMs,
    );
  }

  get consumerName(): string {
    return this.name;
  }

  /**
   * Whether the event was delivered to this runner and is still in its hands: it is recorded here
   * (and heard) or given back to the stream, never recorded by another replica meanwhile.
   */
  holds(eventId: string): boolean {
    return this.inWork.has(eventId);
  }

  /**
   * Whether this consumer writes an inbox row for events of this type: an ordered consumer records
   * every event its filter captures (it tracks the document's sequence), another only those it handles.
   */
  records(eventType: string): boolean {
    if (this.definition.ordered) return subjectMatches(consumerFilter(this.definition.eventTypes), eventType);
    return this.handles(eventType);
  }

  async start(): Promise<void> {
    const stream = streamName(this.options.namespace);
    await this.ensureConsumer(stream);
    const consumer = await this.js.consumers.get(stream, this.name);
    this.messages = await consumer.consume({ max_messages: 64 });
    const messages = this.messages;
    // Each event goes to its document's lane; what queues up in a lane while it works is its next batch.
    this.loop = (async () => {
      for await (const msg of messages) await this.dispatch(msg);
    })();
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop?.catch(() => undefined);
    await this.lanes.idle();
    this.messages = null;
    this.loop = null;
  }

  private async ensureConsumer(stream: string): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    const filter = eventSubject(this.options.namespace, consumerFilter(this.definition.eventTypes));
    const config: Partial<ConsumerConfig> = {
      durable_name: this.name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      // Redelivery is bounded by this runner (it dead-letters), so the server never drops a message.
      max_deliver: -1,
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      max_ack_pending: 1000,
      filter_subject: filter,
    };
    try {
      await jsm.consumers.info(stream, this.name);
      await jsm.consumers.update(stream, this.name, config);
    } catch (error) {
      if (!(error instanceof Error && /consumer not found/i.test(error.message))) throw error;
      await jsm.consumers.add(stream, config);
    }
  }

  /** With tracing, in a CONSUMER span continuing the relay's publish (the message's `traceparent`). */
  private process(msg: JsMsg): Promise<void> {
    if (!tracingEnabled()) return this.processMessage(msg);
    const type = msg.subject.slice(msg.subject.lastIndexOf('sanshen.') + 'sanshen.'.length);
    return inSpan(
      `process ${type}`,
      { kind: SpanKind.CONSUMER, parent: contextFromHeaders(msg.headers), attributes: { 'messaging.system': 'nats', 'messaging.operation.type': 'process', 'messaging.consumer.group.name': this.name } },
      () => this.processMessage(msg),
    );
  }

  /** Each message on its own (a redelivery on failure), the way every batch that cannot go together is applied. */
  private async processEach(batch: readonly JsMsg[]): Promise<void> {
    for (const msg of batch) {
      await this.process(msg).catch((error: unknown) => {
        this.logger.error({ err: error, consumer: this.name }, 'event processing crashed; redelivering');
        msg.nak(this.retryDelay(msg.info.deliveryCount));
      });
    }
  }

  /**
   * Hands a delivered event to its document's lane (a malformed one is dead-lettered here, one this
   * consumer does not handle is acknowledged), then waits while too many are in work.
   */
  private async dispatch(msg: JsMsg): Promise<void> {
    const envelope = this.decode(msg);
    if (envelope === null) await this.processEach([msg]);
    else if (!this.definition.ordered && !this.handles(envelope.type)) msg.ack();
    else {
      this.inWork.add(envelope.id);
      this.lanes.push(envelope.documentId, { msg, envelope });
    }
    await this.lanes.below(MAX_IN_WORK);
  }

  /**
   * What queued up in one lane: in one transaction, each event recorded in the inbox as on its own
   * (one commit instead of one per event). Traced runs keep one span (and transaction) per event.
   */
  private applyLane(items: readonly Decoded[]): Promise<void> {
    return tracingEnabled() ? this.processEach(items.map(({ msg }) => msg)) : this.applyTogether(items);
  }

  /**
   * The batch's inbox rows and cursors in one statement, then each new event's handler in order. If a
   * handler throws, nothing of the batch committed: the events before it are applied together
   * again, the failing one is retried or dead-lettered as this delivery's attempt (its handler ran
   * once, as on its own), and the rest go on as a batch. Anything else (a sequence gap, a lock
   * conflict) and every event is applied on its own, with its own replay and retries.
   */
  private async applyTogether(ready: readonly Decoded[]): Promise<void> {
    if (ready.length < 2) return this.processEach(ready.map(({ msg }) => msg));
    let applied: { result: Outcome[]; manager: EntityManager };
    try {
      const envelopes = ready.map(({ envelope }) => envelope);
      const last = envelopes.length - 1;
      applied = await transactionBehindWrites(this.dataSource, async (manager) => {
        const recording = this.recordAll(manager, envelopes);
        // The first event's read goes right behind the batch's statement, as it would behind its own.
        const firstRead = this.readAlong(manager, envelopes[0]!);
        const fresh = await recording.catch((error: unknown) => Promise.reject(new BatchFailure(0, error)));
        const outcomes: Outcome[] = [];
        // Each event's writes sent behind are confirmed before the next event; the last one's by the COMMIT.
        for (const [index, envelope] of envelopes.entries()) {
          if (!fresh[index]) {
            outcomes.push(DUPLICATE);
            continue;
          }
          const apply = () => this.apply(manager, envelope, index === 0 ? firstRead : this.readAlong(manager, envelope));
          const applying = index === last ? apply() : withWritesSettled(manager, apply);
          outcomes.push(await applying.catch((error: unknown) => Promise.reject(new BatchFailure(index, error))));
        }
        return outcomes;
      }, (writeError) => new BatchFailure(last, writeError));
    } catch (failure) {
      if (!(failure instanceof BatchFailure) || failure.cause instanceof SequenceGapError) return this.processEach(ready.map(({ msg }) => msg));
      const failed = ready[failure.index] as Decoded;
      await this.applyTogether(ready.slice(0, failure.index));
      await this.handleFailure(failed.msg, failed.envelope, failure.cause);
      return this.applyTogether(ready.slice(failure.index + 1));
    }
    ready.forEach(({ msg, envelope }, index) => {
      this.recorded(envelope, applied.result[index] as Outcome, applied.manager);
      msg.ack();
    });
  }

  private async processMessage(msg: JsMsg): Promise<void> {
    const envelope = this.decode(msg);
    if (envelope === null) {
      await this.deadLetter(msg, null, 'malformed envelope');
      return;
    }
    if (!this.definition.ordered && !this.handles(envelope.type)) {
      msg.ack();
      return;
    }
    try {
      if (this.definition.ordered) await this.applyInOrder(envelope, msg);
      else await this.applyOnce(envelope);
      msg.ack();
    } catch (error) {
      await this.handleFailure(msg, envelope, error);
    }
  }

  private decode(msg: JsMsg): EventEnvelope | null {
    try {
      return parseEnvelope(msg.json());
    } catch {
      return null;
    }
  }

  /**
   * Applies the event if it is the document's next one. The cursor is read once, locked, in the
   * event's own transaction; a gap found there rolls it back, and the missing events are asked of
   * the producers' outboxes and applied first.
   */
  private async applyInOrder(envelope: EventEnvelope, msg: JsMsg): Promise<void> {
    try {
      await this.applyOnce(envelope);
      return;
    } catch (error) {
      if (!(error instanceof SequenceGapError)) throw error;
      msg.working();
      const missing = await requestReplay(this.nc, this.options.namespace, this.options.replaySources, {
        documentId: envelope.documentId,
        fromSequence: error.expected,
        toSequence: envelope.sequence - 1,
      });
      this.logger.warn(
        {
          consumer: this.name,
          documentId: envelope.documentId,
          expected: error.expected,
          received: envelope.sequence,
          replayed: missing.length,
          correlationId: envelope.correlationId,
        },
        'sequence gap: replaying from producer outboxes',
      );
      for (const event of missing) await this.applyOnce(event);
    }
    await this.applyOnce(envelope);
  }

  /** Records the event in the inbox and applies it in one transaction; a recorded event is skipped. */
  private async applyOnce(envelope: EventEnvelope): Promise<Outcome> {
    const { result: outcome, manager } = await transactionBehindWrites(this.dataSource, (manager) => this.record(manager, envelope));
    this.recorded(envelope, outcome, manager);
    return outcome;
  }

  /** After the commit: hand-over waits hear of it, and an applied event's post-commit work runs. */
  private recorded(envelope: EventEnvelope, outcome: Outcome, manager: EntityManager): void {
    this.options.onRecorded?.(this.name, envelope, manager);
    if (outcome.applied) outcome.after?.();
  }

  /** In the caller's transaction: the inbox row, the document's cursor (ordered), the handler's effect. */
  private async record(manager: EntityManager, envelope: EventEnvelope): Promise<Outcome> {
    const inbox = this.recordOne(manager, envelope);
    // Issued right behind the inbox statement, before its answer (unused for a duplicate or a gap).
    const read = this.readAlong(manager, envelope);
    const { inserted, last } = await inbox;
    if (!inserted || (this.definition.ordered && !this.follows(envelope, last))) return DUPLICATE;
    return this.apply(manager, envelope, read);
  }

  /**
   * Whether an ordered consumer's new event is the document's next one after `last`: a sequence
   * already applied (two producers emitted the same number) is skipped, a gap throws.
   */
  private follows(envelope: EventEnvelope, last: number): boolean {
    if (envelope.sequence <= last) {
      this.logger.warn(
        { consumer: this.name, eventId: envelope.id, documentId: envelope.documentId, sequence: envelope.sequence, last },
        'event reuses an applied sequence number; skipped',
      );
      return false;
    }
    if (envelope.sequence !== last + 1) throw new SequenceGapError(last + 1, envelope.sequence);
    return true;
  }

  /** A new event's effect, in the transaction that recorded it; `read`: its read sent along, if any. */
  private async apply(manager: EntityManager, envelope: EventEnvelope, read: Promise<unknown> | undefined): Promise<Outcome> {
    const after = this.handles(envelope.type) ? await this.definition.handle(envelope, manager, await read) : undefined;
    this.logger.debug?.(
      {
        consumer: this.name,
        eventId: envelope.id,
        eventType: envelope.type,
        documentId: envelope.documentId,
        sequence: envelope.sequence,
        correlationId: envelope.correlationId,
      },
      'event handled',
    );
    return { applied: true, after: after ?? undefined };
  }

  /**
   * The handler's read, started now: on the one connection of the transaction it follows the inbox
   * statement issued just before it (a statement on a pipelined connection goes out as it is issued).
   * Caught here as well, so that one left unawaited (a duplicate, a gap) is no unhandled rejection.
   * None for an event the handler does not handle (an ordered consumer records it only).
   */
  private readAlong(manager: EntityManager, envelope: EventEnvelope): Promise<unknown> | undefined {
    if (!this.handles(envelope.type)) return undefined;
    const read = this.definition.readAlong?.(envelope, manager);
    read?.catch(() => undefined);
    return read;
  }

  private handles(type: string): boolean {
    return this.definition.eventTypes.some(
      (pattern) => pattern === type || (pattern.endsWith('>') && type.startsWith(pattern.slice(0, -1))),
    );
  }

  /** The event's inbox row, and for an ordered consumer its document's cursor (moved on when due) and its last value. */
  private async recordOne(manager: EntityManager, envelope: EventEnvelope): Promise<{ inserted: boolean; last: number }> {
    const values = [this.name, envelope.id, envelope.documentId, envelope.sequence, envelope.type];
    if (!this.definition.ordered) {
      const inserted = await preparedQuery(manager, 'inbox_record', INBOX_ONE, values);
      return { inserted: inserted.length > 0, last: 0 };
    }
    const [row] = await preparedQuery<{ inserted: boolean; last: number }>(manager, 'inbox_record_in_order', INBOX_ONE_IN_ORDER, values);
    return row as { inserted: boolean; last: number };
  }

  /**
   * One statement for a batch: its inbox rows, and for an ordered consumer its documents' cursors,
   * locked; then, written behind, the cursors moved on. Which events are new and due (each checked
   * as on its own, in order; a gap throws before any handler runs), by index.
   */
  private async recordAll(manager: EntityManager, envelopes: readonly EventEnvelope[]): Promise<boolean[]> {
    const column = <K extends keyof EventEnvelope>(key: K) => envelopes.map((envelope) => envelope[key]);
    const values = [this.name, column('id'), column('documentId'), column('sequence'), column('type')];
    const rows = await preparedQuery<{ eventId: string | null; documentId?: string | null; last?: number | null }>(
      manager,
      this.definition.ordered ? 'inbox_record_batch_in_order' : 'inbox_record_batch',
      this.definition.ordered ? INBOX_BATCH_IN_ORDER : INBOX_BATCH,
      values,
    );
    // PostgreSQL answers uuids in lower case.
    const inserted = new Set(rows.flatMap((row) => (row.eventId === null ? [] : [row.eventId])));
    const cursors = new Map(rows.flatMap((row) => (row.documentId == null ? [] : [[row.documentId, row.last ?? 0] as const])));
    const moved = new Map<string, number>();
    const fresh = envelopes.map((envelope) => {
      // The same event twice in one batch is recorded once: the second is a duplicate.
      if (!inserted.delete(envelope.id.toLowerCase())) return false;
      if (!this.definition.ordered) return true;
      const documentId = envelope.documentId.toLowerCase();
      if (!this.follows(envelope, cursors.get(documentId) ?? 0)) return false;
      cursors.set(documentId, envelope.sequence);
      moved.set(documentId, envelope.sequence);
      return true;
    });
    if (moved.size > 0) {
      writeBehind(
        manager,
        preparedQuery(manager, 'cursor_move_batch', CURSORS_MOVE, [this.name, [...moved.keys()], [...moved.values()]]),
      );
    }
    return fresh;
  }

  private async handleFailure(msg: JsMsg, envelope: EventEnvelope, error: unknown): Promise<void> {
    const deliveries = msg.info.deliveryCount;
    const limit = this.definition.maxDeliveries ?? DEFAULT_MAX_DELIVERIES;
    const context = {
      consumer: this.name,
      eventId: envelope.id,
      eventType: envelope.type,
      documentId: envelope.documentId,
      deliveries,
      correlationId: envelope.correlationId,
      err: error,
    };
    if (deliveries >= limit) {
      await this.deadLetter(msg, envelope, describe(error));
      return;
    }
    this.logger.warn(context, 'event handler failed; will redeliver');
    msg.nak(this.retryDelay(deliveries));
  }

  private retryDelay(deliveries: number): number {
    const base = this.options.baseRetryDelayMs ?? 500;
    return Math.min(30_000, base * 2 ** Math.max(0, deliveries - 1));
  }

  /** Parks an event for operators: a row in dead_letter and a copy on the dead-letter subject. */
  private async deadLetter(msg: JsMsg, envelope: EventEnvelope | null, reason: string): Promise<void> {
    const h = natsHeaders();
    h.set('Sanshen-Dead-Letter-Consumer', this.name);
    h.set('Sanshen-Dead-Letter-Reason', reason.slice(0, 500));
    h.set('Sanshen-Original-Subject', msg.subject);
    h.set('Sanshen-Stream-Sequence', String(msg.seq));
    await this.js.publish(deadLetterSubject(this.options.namespace, this.name), msg.data, {
      headers: h,
      msgID: `dlq:${this.name}:${msg.seq}`,
    });
    await this.dataSource.query(
      `INSERT INTO dead_letter (consumer, event_id, event_type, document_id, stream_sequence, deliveries, error, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        this.name,
        envelope?.id ?? null,
        envelope?.type ?? null,
        envelope?.documentId ?? null,
        msg.seq,
        msg.info.deliveryCount,
        reason,
        msg.string(),
      ],
    );
    this.logger.error(
      { consumer: this.name, eventId: envelope?.id, streamSequence: msg.seq, reason },
      'event dead-lettered',
    );
    // A bare +TERM: nats-server 2.9 ignores "+TERM <reason>" (2.10.4+ accepts it), which would leave the
    // message pending and dead-letter it again after every ack wait. The reason is in the headers and row.
    msg.term();
  }
}

/**
 * One filter subject for the handler's event types (nats-server 2.9 takes a single filter): the type
 * itself, or the types' common prefix with `>` (`document.submitted` + `document.approved_l1` →
 * `document.>`); events outside the handler's types are then acknowledged without effect.
 */
export function consumerFilter(eventTypes: readonly string[]): string {
  if (eventTypes.length === 0) throw new Error('an event handler needs at least one event type');
  if (eventTypes.some((type) => type === '>' || type === '')) {
    throw new Error("an event handler must name an aggregate ('document.>'), never the whole stream");
  }
  if (eventTypes.length === 1) return eventTypes[0] as string;
  const split = eventTypes.map((type) => type.split('.'));
  const common: string[] = [];
  for (let index = 0; ; index += 1) {
    const token = split[0]?.[index];
    if (token === undefined || token === '>' || split.some((parts) => parts[index] !== token || index >= parts.length - 1)) break;
    common.push(token);
  }
  if (common.length === 0) throw new Error(`event types ${eventTypes.join(', ')} share no aggregate`);
  return `${common.join('.')}.>`;
}

/** NATS subject matching of an event type against a filter (`*` one token, `>` the rest). */
function subjectMatches(filter: string, subject: string): boolean {
  const pattern = filter.split('.');
  const tokens = subject.split('.');
  for (let index = 0; index < pattern.length; index += 1) {
    if (pattern[index] === '>') return tokens.length > index;
    if (index >= tokens.length || (pattern[index] !== '*' && pattern[index] !== tokens[index])) return false;
  }
  return pattern.length === tokens.length;
}

function describe(error: unknown): string {
  if (error instanceof SequenceGapError) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

import type { Actor, ErrorBody } from '@sanshen/kernel';
import type { EventEnvelope } from './envelope.js';

/**
 * Every request-reply message carries the acting user (null only for the few system-to-system
 * queries that need none, such as an outbox replay) and the correlation id of the HTTP request.
 */
export interface RpcRequest<TPayload> {
  actor: Actor | null;
  correlationId: string;
  payload: TPayload;
  /** Added by the sending service's client (libs/platform): proves the actor came from a service holding the internal secret. */
  signature?: RpcSignature;
}

/**
 * HMAC-SHA256 with the shared INTERNAL_TOKEN_SECRET over the canonical JSON of
 * `{v, pattern, issuedAt, correlationId, actor, payloadDigest}` (payloadDigest = sha256 of the
 * payload's canonical JSON), base64url. Receivers refuse a request whose MAC does not match, whose
 * pattern is not the subject it arrived on, or whose issuedAt is not within a minute of their clock.
 */
export interface RpcSignature {
  v: 1;
  pattern: string;
  /** Milliseconds since the epoch. */
  issuedAt: number;
  mac: string;
}

/** Replies: the result, or a typed error. */
export type RpcReply<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** The subject a producer answers outbox replay requests on: `<service>.outbox.replay`. */
export function outboxReplayPattern(service: string): string {
  return `${service}.outbox.replay`;
}

export interface OutboxReplayRequest {
  documentId: string;
  /** Inclusive range of document sequence numbers wanted. */
  fromSequence: number;
  toSequence: number;
}

export interface OutboxReplayReply {
  events: EventEnvelope[];
}

/**
 * The subject a consuming service answers hand-over waits on: `<service>.events.applied`. A step that
 * handed a document over asks the next owner whether its consumers have applied the event.
 */
export function eventsAppliedPattern(service: string): string {
  return `${service}.events.applied`;
}

export interface EventsAppliedRequest {
  eventId: string;
  eventType: string;
  documentId: string;
  /** How long the service may wait for its consumers before answering `applied: false`. */
  waitMs: number;
}

export interface EventsAppliedReply {
  applied: boolean;
}

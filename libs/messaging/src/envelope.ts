import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EventActor, EventEnvelope } from '@sanshen/contracts';

const actorSchema = z.object({
  userId: z.string().min(1),
  agencyId: z.string(),
  roles: z.array(z.string()),
  departmentId: z.string().nullable().optional(),
  displayName: z.string().optional(),
  onBehalfOf: z.object({ userId: z.string(), displayName: z.string() }).nullable().optional(),
});

const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  documentId: z.uuid(),
  sequence: z.number().int().positive(),
  actor: actorSchema,
  correlationId: z.string().min(1),
  causationId: z.string().nullable(),
  producer: z.string().min(1),
  payload: z.unknown(),
});

/** Checks an incoming envelope's shape at the message edge. */
export function parseEnvelope(raw: unknown): EventEnvelope | null {
  const parsed = envelopeSchema.safeParse(raw);
  return parsed.success ? (parsed.data as EventEnvelope) : null;
}

export interface NewEvent<TPayload> {
  /** The event id, when the step must record it before the envelope is built (default: a new UUID). */
  id?: string;
  type: string;
  documentId: string;
  sequence: number;
  actor: EventActor;
  correlationId: string;
  causationId?: string | null;
  payload: TPayload;
  schemaVersion?: number;
  occurredAt: Date;
}

export function buildEnvelope<TPayload>(producer: string, event: NewEvent<TPayload>): EventEnvelope<string, TPayload> {
  const actor: EventActor = {
    userId: event.actor.userId,
    agencyId: event.actor.agencyId,
    roles: [...event.actor.roles],
    departmentId: event.actor.departmentId ?? null,
    ...(event.actor.displayName === undefined ? {} : { displayName: event.actor.displayName }),
    ...(event.actor.onBehalfOf ? { onBehalfOf: event.actor.onBehalfOf } : {}),
  };
  return {
    id: event.id ?? randomUUID(),
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    occurredAt: event.occurredAt.toISOString(),
    documentId: event.documentId,
    sequence: event.sequence,
    actor,
    correlationId: event.correlationId,
    causationId: event.causationId ?? null,
    producer,
    payload: event.payload,
  };
}

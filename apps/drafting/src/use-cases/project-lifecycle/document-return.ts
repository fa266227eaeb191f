import { lifecycleTypeOf } from '@sanshen/contracts';
import type { DocumentEventPayloads, DocumentReturn, EventEnvelope } from '@sanshen/contracts';
import { LEVEL_LABELS, signedAs } from '@sanshen/kernel';

/**
 * The return to the drafter an event records, if it is one: a review level's 退回 that sends the
 * version back to the drafter, or a secrecy review's. Shown on the document until the next one.
 */
export function returnOf(event: EventEnvelope): DocumentReturn | null {
  const type = lifecycleTypeOf(event.type);
  const by = { byId: event.actor.userId, byName: signedAs(event.actor.displayName ?? '', event.actor.onBehalfOf?.displayName), at: event.occurredAt };
  if (type === 'returned') {
    const payload = event.payload as DocumentEventPayloads['returned'];
    // `to: previous` at level 1 also lands with the drafter; above it the version goes to a reviewer.
    if (payload.to === 'previous' && payload.level > 1) return null;
    return { stage: 'review', level: payload.level, stageLabel: LEVEL_LABELS[payload.level], reason: payload.reason, version: payload.version, ...by };
  }
  if (type === 'secrecy_returned') {
    const payload = event.payload as DocumentEventPayloads['secrecy_returned'];
    return { stage: 'secrecy', level: null, stageLabel: '保密审查', reason: payload.opinion, version: payload.version, ...by };
  }
  return null;
}

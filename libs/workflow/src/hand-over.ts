import type { DocumentEventType, EventProducer } from '@sanshen/kernel';
import { EDGES, STATE_OWNER } from './transitions.js';

/** The service whose status projection every document view reads (GET /documents/:id, lists, visibility). */
export const DOCUMENT_READ_MODEL: EventProducer = 'drafting';

/**
 * The services that must have applied a lifecycle event before the step that emitted it answers,
 * so the next actor's view is consistent (read-your-writes across the hand-over): the owners of the
 * states the event leads to (they act next) and the document read model. The emitter itself is
 * left out (its own state already moved in the step's transaction).
 */
export function handOverTargets(event: DocumentEventType, emitter: string): EventProducer[] {
  const targets = new Set<EventProducer>([DOCUMENT_READ_MODEL]);
  for (const edge of EDGES) if (edge.event === event) targets.add(STATE_OWNER[edge.to]);
  targets.delete(emitter as EventProducer);
  return [...targets].sort();
}

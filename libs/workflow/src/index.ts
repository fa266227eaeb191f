export { EDGES, STATE_OWNER, EVENT_OWNER } from './transitions.js';
export type { Edge, Performer } from './transitions.js';
export { handOverTargets, DOCUMENT_READ_MODEL } from './hand-over.js';
export { checkTransition, eventsFrom, performersOf } from './check-transition.js';
export type { TransitionError, TransitionErrorCode } from './check-transition.js';
export { applyLifecycleEvent, foldLifecycle, fullySigned } from './lifecycle.js';
export type { LifecycleError, LifecycleErrorCode, LifecycleEvent, LifecycleState, SignedStep } from './lifecycle.js';
export { reviewLevelOf, isInReviewScope, checkSeparationOfDuties, APPROVAL_EVENT, REVIEWER_ROLE } from './review-policy.js';
export type { ReviewerScope, ReviewedDocument, SeparationError, PriorSignature } from './review-policy.js';

import { assertNever, err, ok } from '@sanshen/kernel';
import type { DocumentEventType, DocumentStatus, Result } from '@sanshen/kernel';
import { checkTransition } from './check-transition.js';
import type { TransitionError } from './check-transition.js';
import type { Performer } from './transitions.js';

/** The steps whose signatures must all bind the published content. */
export type SignedStep = 'l1' | 'l2' | 'l3' | 'secrecy';

/** What the rulebook knows of one document, folded from its events. */
export interface LifecycleState {
  status: DocumentStatus;
  authorId: string;
  version: number;
  contentHash: string;
  /** Content hash each step signed, for the current version; voided by every new version. */
  signatures: Partial<Record<SignedStep, string>>;
  /**
   * Who signed which step of the current version (one person, one step: signing the same step again
   * after a return is allowed, signing a second step is not); voided by every new version.
   */
  signers: { actorId: string; step: SignedStep }[];
}

/** One event as the rulebook sees it. */
export interface LifecycleEvent {
  type: DocumentEventType;
  actorId: string;
  performers: readonly Performer[];
  version: number;
  contentHash: string;
  /** `created` only: who drafted the document. */
  authorId?: string;
}

export type LifecycleErrorCode =
  | TransitionError['code']
  | 'DOCUMENT.HASH_MISMATCH'
  | 'REVIEW.SELF_APPROVAL'
  | 'REVIEW.ALREADY_SIGNED';

export interface LifecycleError {
  code: LifecycleErrorCode;
  event: DocumentEventType;
  from: DocumentStatus | null;
  detail?: string;
}

const ALL_STEPS: readonly SignedStep[] = ['l1', 'l2', 'l3', 'secrecy'];

/** The step whose signature a review status waits for. */
const STEP_OF_PENDING: Partial<Record<DocumentStatus, SignedStep>> = { pending_l1: 'l1', pending_l2: 'l2', pending_l3: 'l3' };

function signedStepOf(type: DocumentEventType): SignedStep | null {
  switch (type) {
    case 'approved_l1':
      return 'l1';
    case 'approved_l2':
      return 'l2';
    case 'approved_l3':
      return 'l3';
    case 'secrecy_cleared':
      return 'secrecy';
    case 'created':
    case 'revised':
    case 'submitted':
    case 'withdrawn':
    case 'returned':
    case 'returned_previous':
    case 'resumed':
    case 'secrecy_returned':
    case 'publish_started':
    case 'published':
    case 'publish_failed':
    case 'publish_retried':
    case 'retracted':
    case 'correction_started':
    case 'discarded':
      return null;
    default:
      return assertNever(type);
  }
}

/** Is every step signed on exactly the state's content hash? */
export function fullySigned(state: LifecycleState): boolean {
  return ALL_STEPS.every((step) => state.signatures[step] === state.contentHash);
}

function fail(code: LifecycleErrorCode, event: LifecycleEvent, from: DocumentStatus | null, detail?: string) {
  return err<LifecycleError>({ code, event: event.type, from, ...(detail === undefined ? {} : { detail }) });
}

/**
 * Applies one event to the state, enforcing the transition table and the rules that hold everywhere:
 * signatures bind (version, content hash), any new version voids them, nobody signs two steps of a
 * version, the drafter signs none, and nothing is published unless all four steps signed its hash.
 */
export function applyLifecycleEvent(
  state: LifecycleState | null,
  event: LifecycleEvent,
): Result<LifecycleState, LifecycleError> {
  const from = state?.status ?? null;
  const transition = checkTransition(from, event.type, event.performers);
  if (!transition.ok) return err({ ...transition.error, event: event.type, from });
  const next = transition.value;

  if (state === null) {
    return ok({
      status: next,
      authorId: event.authorId ?? event.actorId,
      version: event.version,
      contentHash: event.contentHash,
      signatures: {},
      signers: [],
    });
  }
  if (event.type === 'revised') {
    return ok({ ...state, status: next, version: event.version, contentHash: event.contentHash, signatures: {}, signers: [] });
  }
  if (event.version !== state.version || event.contentHash !== state.contentHash) {
    return fail('DOCUMENT.HASH_MISMATCH', event, from, `expected v${state.version} ${state.contentHash}`);
  }
  if (event.type === 'correction_started') {
    // Reopened for a correction: the published version's sign-offs do not carry over to what follows.
    return ok({ ...state, status: next, signatures: {}, signers: [] });
  }
  if (event.type === 'resumed') {
    // Carrying a signature forward is legal only while it is bound to this version's content.
    const carried = STEP_OF_PENDING[from ?? 'draft'];
    if (carried === undefined || state.signatures[carried] !== state.contentHash) {
      return fail('DOCUMENT.HASH_MISMATCH', event, from, `no valid ${carried ?? 'review'} signature to carry forward`);
    }
    return ok({ ...state, status: next });
  }
  if (event.type === 'returned_previous') {
    // The level below must decide again: its signature no longer counts (its signer may sign it again).
    const voided = STEP_OF_PENDING[next];
    const signatures = { ...state.signatures };
    if (voided !== undefined) delete signatures[voided];
    return ok({ ...state, status: next, signatures });
  }
  const step = signedStepOf(event.type);
  if (step !== null) {
    if (event.actorId === state.authorId) return fail('REVIEW.SELF_APPROVAL', event, from);
    const mine = state.signers.filter((signer) => signer.actorId === event.actorId);
    if (mine.some((signer) => signer.step !== step)) return fail('REVIEW.ALREADY_SIGNED', event, from);
    return ok({
      ...state,
      status: next,
      signatures: { ...state.signatures, [step]: event.contentHash },
      signers: mine.length > 0 ? state.signers : [...state.signers, { actorId: event.actorId, step }],
    });
  }
  if ((event.type === 'publish_started' || event.type === 'published') && !fullySigned(state)) {
    return fail('DOCUMENT.HASH_MISMATCH', event, from, 'not every step signed this content');
  }
  // A return or withdrawal keeps the signatures: they stay bound to this version's hash until a
  // new version voids them.
  return ok({ ...state, status: next });
}

/** Folds a whole history; the first illegal event stops the fold and is reported with its index. */
export function foldLifecycle(
  events: readonly LifecycleEvent[],
): Result<LifecycleState, LifecycleError & { index: number }> {
  let state: LifecycleState | null = null;
  for (const [index, event] of events.entries()) {
    const applied = applyLifecycleEvent(state, event);
    if (!applied.ok) return err({ ...applied.error, index });
    state = applied.value;
  }
  if (state === null) return err({ code: 'DOCUMENT.INVALID_TRANSITION', event: 'created', from: null, index: 0 });
  return ok(state);
}

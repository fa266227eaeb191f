import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_EVENT_TYPES, ROLES } from '@sanshen/kernel';
import type { DocumentEventType, DocumentStatus } from '@sanshen/kernel';
import { applyLifecycleEvent } from './lifecycle.js';
import type { LifecycleEvent, LifecycleState } from './lifecycle.js';
import type { Performer } from './transitions.js';

const PERFORMERS: readonly Performer[] = [...ROLES, 'system'];
/** A small pool, so that authors, reviewers and double signers collide often. */
const ACTORS = ['ana', 'bo', 'cy', 'di', 'ed', 'system'] as const;
/** Versions and hashes from a small pool, mixed so that "right hash, wrong version" happens too. */
const CONTENTS = [
  { version: 1, contentHash: 'h-a' },
  { version: 2, contentHash: 'h-b' },
  { version: 3, contentHash: 'h-c' },
  { version: 2, contentHash: 'h-a' },
  { version: 1, contentHash: 'h-c' },
] as const;

const SIGNING_EVENTS = ['approved_l1', 'approved_l2', 'approved_l3', 'secrecy_cleared'] as const;

/**
 * Bias only (written here, not taken from transitions.ts): the events that move a document forward
 * from each state, and who would fire them. The property below does not depend on these being right.
 */
const FORWARD: Record<DocumentStatus | 'new', readonly DocumentEventType[]> = {
  new: ['created'],
  draft: ['submitted', 'submitted', 'revised'],
  pending_l1: ['approved_l1', 'approved_l1', 'approved_l1', 'withdrawn', 'returned', 'resumed'],
  pending_l2: ['approved_l2', 'approved_l2', 'approved_l2', 'returned', 'returned_previous', 'resumed'],
  pending_l3: ['approved_l3', 'approved_l3', 'approved_l3', 'returned', 'returned_previous'],
  pending_secrecy: ['secrecy_cleared', 'secrecy_cleared', 'secrecy_cleared', 'secrecy_returned'],
  approved: ['publish_started'],
  publishing: ['published', 'published', 'publish_failed'],
  publish_failed: ['publish_retried'],
  published: ['retracted', 'correction_started'],
  retracted: [],
  discarded: [],
};
const FITTING_BY_STATE: Partial<Record<DocumentStatus, Performer>> = {
  pending_l1: 'dept_head',
  pending_l2: 'deputy',
  pending_l3: 'principal',
};
const FITTING: Record<DocumentEventType, Performer> = {
  created: 'drafter',
  revised: 'drafter',
  submitted: 'drafter',
  withdrawn: 'drafter',
  approved_l1: 'dept_head',
  approved_l2: 'deputy',
  approved_l3: 'principal',
  returned: 'dept_head',
  returned_previous: 'deputy',
  resumed: 'system',
  secrecy_cleared: 'secrecy_officer',
  secrecy_returned: 'secrecy_officer',
  publish_started: 'system',
  published: 'system',
  publish_failed: 'system',
  publish_retried: 'publisher',
  retracted: 'principal',
  correction_started: 'drafter',
  discarded: 'drafter',
};

/** One generated step: mostly "whatever comes next", sometimes anything at all. */
const stepArb = fc.record({
  type: fc.oneof(
    { weight: 7, arbitrary: fc.constant('next' as const) },
    { weight: 2, arbitrary: fc.constantFrom(...DOCUMENT_EVENT_TYPES) },
  ),
  pick: fc.nat({ max: 59 }),
  actor: fc.constantFrom(...ACTORS),
  performers: fc.oneof(
    { weight: 6, arbitrary: fc.constant('fitting' as const) },
    { weight: 2, arbitrary: fc.subarray([...PERFORMERS], { minLength: 0, maxLength: 3 }) },
  ),
  content: fc.oneof(
    { weight: 12, arbitrary: fc.constant('current' as const) },
    { weight: 1, arbitrary: fc.constant('current hash, other version' as const) },
    { weight: 1, arbitrary: fc.constant('current version, other hash' as const) },
    { weight: 1, arbitrary: fc.constantFrom(...CONTENTS) },
  ),
  authorId: fc.option(fc.constantFrom(...ACTORS), { nil: undefined }),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

/** The version and hash a non-editing event carries: mostly the current ones, sometimes stale. */
function carried(step: Step, state: LifecycleState | null): { version: number; contentHash: string } {
  const current = state === null ? CONTENTS[0] : { version: state.version, contentHash: state.contentHash };
  switch (step.content) {
    case 'current':
      return current;
    case 'current hash, other version':
      return { ...current, version: step.pick % 2 === 0 ? current.version + 1 : current.version - 1 };
    case 'current version, other hash':
      return { ...current, contentHash: `${current.contentHash}-x` };
    default:
      return step.content;
  }
}

/** Turns a generated step into an event against the current state (only the bias looks at it). */
function toEvent(step: Step, state: LifecycleState | null): LifecycleEvent {
  const forward = FORWARD[state?.status ?? 'new'];
  let type: DocumentEventType;
  if (step.type !== 'next') type = step.type;
  else if (forward.length > 0) type = forward[step.pick % forward.length]!;
  else type = DOCUMENT_EVENT_TYPES[step.pick % DOCUMENT_EVENT_TYPES.length]!; // nothing moves it on
  const fitting = ((type === 'returned' || type === 'returned_previous') && state !== null ? FITTING_BY_STATE[state.status] : undefined) ?? FITTING[type];
  const performers: readonly Performer[] = step.performers === 'fitting' ? [fitting] : step.performers;
  const content = type === 'revised' || type === 'created' ? CONTENTS[step.pick % CONTENTS.length]! : carried(step, state);
  const actorId = performers.length === 1 && performers[0] === 'system' ? 'system' : step.actor;
  return {
    type,
    actorId,
    performers,
    version: content.version,
    contentHash: content.contentHash,
    ...(type === 'created' && step.authorId !== undefined ? { authorId: step.authorId } : {}),
  };
}

/**
 * The rule, checked against the accepted history alone (not against the implementation's state):
 * something being published must carry the three sign-offs and the secrecy clearance of four distinct
 * people, none of them the author, all on the current version and hash, none followed by a revision.
 */
function publicationViolation(accepted: readonly LifecycleEvent[]): string | null {
  const creation = accepted[0];
  if (creation?.type !== 'created') return 'history does not start with created';
  const author = creation.authorId ?? creation.actorId;
  const lastEdit = accepted.findLastIndex((event) => event.type === 'created' || event.type === 'revised');
  const current = accepted[lastEdit]!;

  const signers = new Set<string>();
  const positions: number[] = [];
  for (const type of SIGNING_EVENTS) {
    const index = accepted.findLastIndex((event) => event.type === type);
    if (index === -1) return `no accepted ${type}`;
    if (index < lastEdit) return `${type} precedes the revision at ${lastEdit}`;
    const signature = accepted[index]!;
    if (signature.actorId === author) return `${type} signed by the author ${author}`;
    if (signature.version !== current.version || signature.contentHash !== current.contentHash) {
      return `${type} signed v${signature.version} ${signature.contentHash}, current is v${current.version} ${current.contentHash}`;
    }
    signers.add(signature.actorId);
    positions.push(index);
  }
  if (signers.size !== SIGNING_EVENTS.length) return `only ${signers.size} distinct signers`;
  // A resumption carries an earlier level's still-valid signature past a later re-signing of a level
  // below it, so with a `resumed` since the last edit only the secrecy clearance must come last.
  const resumedSinceEdit = accepted.slice(lastEdit).some((event) => event.type === 'resumed');
  const ordered = resumedSinceEdit ? positions.slice(0, 3).every((position) => position < positions[3]!) : positions.every((position, i) => i === 0 || position > positions[i - 1]!);
  if (!ordered) return 'signatures out of review order';
  return null;
}

describe('applyLifecycleEvent over arbitrary histories', () => {
  it('never lets a document reach publishing or published without four distinct, current, non-author signatures', () => {
    let runs = 0;
    let runsReachingPublished = 0;
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 120, size: 'max' }), (steps) => {
        runs += 1;
        let state: LifecycleState | null = null;
        const accepted: LifecycleEvent[] = [];
        let reachedPublished = false;
        for (const step of steps) {
          const event = toEvent(step, state);
          const applied = applyLifecycleEvent(state, event);
          if (!applied.ok) continue; // a rejected event changes nothing; keep going
          state = applied.value;
          accepted.push(event);
          if (state.status === 'publishing' || state.status === 'published') {
            const violation = publicationViolation(accepted);
            if (violation !== null) throw new Error(`${state.status} after ${accepted.length} events: ${violation}`);
          }
          if (state.status === 'published') reachedPublished = true;
        }
        if (reachedPublished) runsReachingPublished += 1;
      }),
      { numRuns: 2000 },
    );
    // Not vacuous: a fair share of the generated histories actually get published.
    expect(runsReachingPublished).toBeGreaterThan(0);
    expect(runsReachingPublished / runs).toBeGreaterThan(0.1);
  });
});

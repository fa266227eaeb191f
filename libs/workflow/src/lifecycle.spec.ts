import { describe, expect, it } from 'vitest';
import type { DocumentEventType, DocumentStatus } from '@sanshen/kernel';
import { applyLifecycleEvent, foldLifecycle, fullySigned } from './lifecycle.js';
import type { LifecycleEvent, LifecycleState } from './lifecycle.js';
import type { Performer } from './transitions.js';

interface Content {
  version: number;
  contentHash: string;
}

const V1: Content = { version: 1, contentHash: 'sha256:v1' };
const V2: Content = { version: 2, contentHash: 'sha256:v2' };

/** The cast: one person per duty, plus the system. */
const AUTHOR = 'u-author';
const HEAD = 'u-head';
const DEPUTY = 'u-deputy';
const PRINCIPAL = 'u-principal';
const OFFICER = 'u-officer';

function ev(
  type: DocumentEventType,
  actorId: string,
  performers: readonly Performer[],
  content: Content = V1,
): LifecycleEvent {
  return { type, actorId, performers, ...content };
}

const created = (content = V1) => ({ ...ev('created', AUTHOR, ['drafter'], content), authorId: AUTHOR });
const submitted = (content = V1) => ev('submitted', AUTHOR, ['drafter'], content);
const approvedL1 = (actor = HEAD, content = V1) => ev('approved_l1', actor, ['dept_head'], content);
const approvedL2 = (actor = DEPUTY, content = V1) => ev('approved_l2', actor, ['deputy'], content);
const approvedL3 = (actor = PRINCIPAL, content = V1) => ev('approved_l3', actor, ['principal'], content);
const cleared = (actor = OFFICER, content = V1) => ev('secrecy_cleared', actor, ['secrecy_officer'], content);
const system = (type: DocumentEventType, content = V1) => ev(type, 'system', ['system'], content);

const REVIEWED: readonly LifecycleEvent[] = [
  created(),
  submitted(),
  approvedL1(),
  approvedL2(),
  approvedL3(),
  cleared(),
];

/** Folds a history that must be legal, failing the test with the error otherwise. */
function fold(events: readonly LifecycleEvent[]): LifecycleState {
  const result = foldLifecycle(events);
  if (!result.ok) throw new Error(`expected a legal history, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function statuses(events: readonly LifecycleEvent[]): DocumentStatus[] {
  const seen: DocumentStatus[] = [];
  let state: LifecycleState | null = null;
  for (const event of events) {
    const result = applyLifecycleEvent(state, event);
    if (!result.ok) throw new Error(`rejected ${event.type}: ${JSON.stringify(result.error)}`);
    state = result.value;
    seen.push(state.status);
  }
  return seen;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('applyLifecycleEvent / foldLifecycle', () => {
  describe('the happy path', () => {
    it('takes a document from creation through three sign-offs and secrecy review to published', () => {
      const history = [...REVIEWED, system('publish_started'), system('published')];
      expect(statuses(history)).toEqual([
        'draft',
        'pending_l1',
        'pending_l2',
        'pending_l3',
        'pending_secrecy',
        'approved',
        'publishing',
        'published',
      ]);
      const state = fold(history);
      expect(state).toEqual({
        status: 'published',
        authorId: AUTHOR,
        version: 1,
        contentHash: V1.contentHash,
        signatures: { l1: V1.contentHash, l2: V1.contentHash, l3: V1.contentHash, secrecy: V1.contentHash },
        signers: [
          { actorId: HEAD, step: 'l1' },
          { actorId: DEPUTY, step: 'l2' },
          { actorId: PRINCIPAL, step: 'l3' },
          { actorId: OFFICER, step: 'secrecy' },
        ],
      });
      expect(fullySigned(state)).toBe(true);
    });

    it('retries a failed publication and retracts a published document on the principal’s authorization', () => {
      const history = [
        ...REVIEWED,
        system('publish_started'),
        system('publish_failed'),
        ev('publish_retried', 'u-publisher', ['publisher']),
        system('published'),
        ev('retracted', PRINCIPAL, ['principal']),
      ];
      expect(statuses(history).slice(-5)).toEqual(['publishing', 'publish_failed', 'publishing', 'published', 'retracted']);
    });

    it('reopens a published document for a correction, voiding the sign-offs, and publishes the new version', () => {
      const reopened = fold([...REVIEWED, system('publish_started'), system('published'), ev('correction_started', AUTHOR, ['drafter'])]);
      expect(reopened).toMatchObject({ status: 'draft', version: 1, signatures: {}, signers: [] });
      expect(fullySigned(reopened)).toBe(false);
      const corrected = [
        ...REVIEWED,
        system('publish_started'),
        system('published'),
        ev('correction_started', AUTHOR, ['drafter']),
        ev('revised', AUTHOR, ['drafter'], V2),
        submitted(V2),
        approvedL1(HEAD, V2),
        approvedL2(DEPUTY, V2),
        approvedL3(PRINCIPAL, V2),
        cleared(OFFICER, V2),
        system('publish_started', V2),
        system('published', V2),
      ];
      expect(fold(corrected)).toMatchObject({ status: 'published', version: 2, contentHash: V2.contentHash });
      expect(applyLifecycleEvent(fold(corrected.slice(0, 8)), ev('correction_started', 'u-publisher', ['publisher']))).toMatchObject({
        ok: false,
        error: { code: 'DOCUMENT.ROLE_NOT_ALLOWED' },
      });
    });

    it('records the drafter named on `created` as the author, not whoever emitted it', () => {
      const state = fold([{ ...ev('created', 'u-importer', ['drafter']), authorId: AUTHOR }]);
      expect(state.authorId).toBe(AUTHOR);
      expect(fold([ev('created', AUTHOR, ['drafter'])]).authorId).toBe(AUTHOR);
    });
  });

  describe('transition errors', () => {
    it('refuses anything but `created` for a document that does not exist yet', () => {
      expect(applyLifecycleEvent(null, submitted())).toEqual({
        ok: false,
        error: { code: 'DOCUMENT.INVALID_TRANSITION', event: 'submitted', from: null },
      });
    });

    it('refuses an event from the wrong state and an event by the wrong role', () => {
      const draft = fold([created()]);
      expect(applyLifecycleEvent(draft, approvedL1())).toMatchObject({
        ok: false,
        error: { code: 'DOCUMENT.INVALID_TRANSITION', event: 'approved_l1', from: 'draft' },
      });
      const pending = fold([created(), submitted()]);
      expect(applyLifecycleEvent(pending, ev('approved_l1', DEPUTY, ['deputy']))).toMatchObject({
        ok: false,
        error: { code: 'DOCUMENT.ROLE_NOT_ALLOWED', event: 'approved_l1', from: 'pending_l1' },
      });
    });

    it('never changes the state it is given', () => {
      const state = deepFreeze(fold([created(), submitted()]));
      const snapshot = structuredClone(state);
      expect(applyLifecycleEvent(state, approvedL1()).ok).toBe(true);
      expect(applyLifecycleEvent(state, approvedL1(AUTHOR)).ok).toBe(false);
      expect(state).toEqual(snapshot);
    });
  });

  describe('signatures bind version and content hash', () => {
    it('voids every signature and signer when the document is revised', () => {
      const returned = fold([...REVIEWED.slice(0, 4), ev('returned', PRINCIPAL, ['principal'])]);
      expect(returned.status).toBe('draft');
      expect(Object.keys(returned.signatures).sort()).toEqual(['l1', 'l2']);

      const revised = applyLifecycleEvent(returned, ev('revised', AUTHOR, ['drafter'], V2));
      expect(revised).toEqual({
        ok: true,
        value: { ...returned, status: 'draft', ...V2, signatures: {}, signers: [] },
      });
    });

    it('refuses, after a revision, an approval that still carries the old version and hash', () => {
      const state = fold([
        created(),
        submitted(),
        approvedL1(),
        ev('returned', DEPUTY, ['deputy']),
        ev('revised', AUTHOR, ['drafter'], V2),
        submitted(V2),
      ]);
      expect(applyLifecycleEvent(state, approvedL1(HEAD, V1))).toMatchObject({
        ok: false,
        error: { code: 'DOCUMENT.HASH_MISMATCH', event: 'approved_l1', from: 'pending_l1' },
      });
      expect(applyLifecycleEvent(state, approvedL1(HEAD, V2))).toMatchObject({ ok: true, value: { status: 'pending_l2' } });
    });

    it('lets a reviewer who signed the old version sign a different step of the new one', () => {
      const state = fold([
        created(),
        submitted(),
        ev('approved_l1', 'u-both', ['dept_head', 'deputy']),
        ev('returned', DEPUTY, ['deputy']),
        ev('revised', AUTHOR, ['drafter'], V2),
        submitted(V2),
        approvedL1(HEAD, V2),
      ]);
      expect(applyLifecycleEvent(state, ev('approved_l2', 'u-both', ['dept_head', 'deputy'], V2))).toMatchObject({
        ok: true,
        value: { status: 'pending_l3' },
      });
    });

    it('refuses an approval that carries a different content hash', () => {
      const state = fold(REVIEWED.slice(0, 3));
      expect(applyLifecycleEvent(state, approvedL2(DEPUTY, { version: 1, contentHash: 'sha256:other' }))).toMatchObject({
        ok: false,
        error: { code: 'DOCUMENT.HASH_MISMATCH', event: 'approved_l2', from: 'pending_l2' },
      });
    });

    it('refuses an approval that carries the right hash under a different version', () => {
      const state = fold(REVIEWED.slice(0, 4));
      expect(applyLifecycleEvent(state, approvedL3(PRINCIPAL, { version: 2, contentHash: V1.contentHash }))).toMatchObject({
        ok: false,
        error: { code: 'DOCUMENT.HASH_MISMATCH', event: 'approved_l3', from: 'pending_l3' },
      });
    });

    it('refuses a secrecy clearance or a publication that carries another version', () => {
      const pendingSecrecy = fold(REVIEWED.slice(0, 5));
      expect(applyLifecycleEvent(pendingSecrecy, cleared(OFFICER, V2))).toMatchObject({
        ok: false,
        error: { code: 'DOCUMENT.HASH_MISMATCH' },
      });
      const approved = fold(REVIEWED);
      expect(applyLifecycleEvent(approved, system('publish_started', V2))).toMatchObject({
        ok: false,
        error: { code: 'DOCUMENT.HASH_MISMATCH', event: 'publish_started', from: 'approved' },
      });
    });

    it('refuses to publish content that not every step signed', () => {
      const approved = fold(REVIEWED);
      const missingSecrecy: LifecycleState = {
        ...approved,
        signatures: { l1: V1.contentHash, l2: V1.contentHash, l3: V1.contentHash },
      };
      expect(fullySigned(missingSecrecy)).toBe(false);
      expect(applyLifecycleEvent(missingSecrecy, system('publish_started'))).toMatchObject({
        ok: false,
        error: { code: 'DOCUMENT.HASH_MISMATCH', event: 'publish_started' },
      });
      const signedOther: LifecycleState = { ...approved, signatures: { ...approved.signatures, l2: 'sha256:other' } };
      expect(applyLifecycleEvent({ ...signedOther, status: 'publishing' }, system('published'))).toMatchObject({
        ok: false,
        error: { code: 'DOCUMENT.HASH_MISMATCH', event: 'published' },
      });
    });
  });

  describe('separation of duties', () => {
    it("rejects an approval by the document's author, even one who holds the reviewer's role", () => {
      const state = fold([created(), submitted()]);
      expect(applyLifecycleEvent(state, ev('approved_l1', AUTHOR, ['drafter', 'dept_head']))).toEqual({
        ok: false,
        error: { code: 'REVIEW.SELF_APPROVAL', event: 'approved_l1', from: 'pending_l1' },
      });
    });

    it('rejects a secrecy clearance by the author', () => {
      const state = fold(REVIEWED.slice(0, 5));
      expect(applyLifecycleEvent(state, ev('secrecy_cleared', AUTHOR, ['secrecy_officer']))).toMatchObject({
        ok: false,
        error: { code: 'REVIEW.SELF_APPROVAL' },
      });
    });

    it('rejects one person signing two steps of the same version', () => {
      const state = fold([created(), submitted(), ev('approved_l1', 'u-both', ['dept_head', 'deputy'])]);
      expect(applyLifecycleEvent(state, ev('approved_l2', 'u-both', ['dept_head', 'deputy']))).toEqual({
        ok: false,
        error: { code: 'REVIEW.ALREADY_SIGNED', event: 'approved_l2', from: 'pending_l2' },
      });
    });

    it('rejects a reviewer clearing secrecy on a version they signed', () => {
      const state = fold(REVIEWED.slice(0, 5));
      expect(applyLifecycleEvent(state, ev('secrecy_cleared', DEPUTY, ['secrecy_officer']))).toMatchObject({
        ok: false,
        error: { code: 'REVIEW.ALREADY_SIGNED', event: 'secrecy_cleared' },
      });
    });

    it('remembers a signature through a return without a new version', () => {
      const state = fold([
        created(),
        submitted(),
        approvedL1('u-both'),
        ev('returned', DEPUTY, ['deputy']),
        submitted(),
        approvedL1(HEAD),
      ]);
      expect(applyLifecycleEvent(state, ev('approved_l2', 'u-both', ['deputy']))).toMatchObject({
        ok: false,
        error: { code: 'REVIEW.ALREADY_SIGNED' },
      });
    });

    it('lets a reviewer sign the same step again after a return without a new version', () => {
      const state = fold([
        ...REVIEWED.slice(0, 5),
        ev('secrecy_returned', OFFICER, ['secrecy_officer']),
        submitted(),
        approvedL1(),
        approvedL2(),
        approvedL3(),
      ]);
      const resigned = applyLifecycleEvent(state, cleared());
      expect(resigned).toMatchObject({ ok: true, value: { status: 'approved' } });
      if (!resigned.ok) return;
      expect(resigned.value.signers).toEqual([
        { actorId: HEAD, step: 'l1' },
        { actorId: DEPUTY, step: 'l2' },
        { actorId: PRINCIPAL, step: 'l3' },
        { actorId: OFFICER, step: 'secrecy' },
      ]);
      expect(applyLifecycleEvent(resigned.value, system('publish_started'))).toMatchObject({
        ok: true,
        value: { status: 'publishing' },
      });
    });
  });

  describe('foldLifecycle', () => {
    it('reports the index of the first illegal event and stops there', () => {
      const result = foldLifecycle([
        created(),
        submitted(),
        approvedL1(),
        approvedL2(AUTHOR),
        approvedL3(),
        ev('published', 'u-publisher', ['publisher']),
      ]);
      expect(result).toEqual({
        ok: false,
        error: { code: 'REVIEW.SELF_APPROVAL', event: 'approved_l2', from: 'pending_l2', index: 3 },
      });
    });

    it('reports a history that does not start with `created` at index 0', () => {
      expect(foldLifecycle([submitted(), created()])).toMatchObject({
        ok: false,
        error: { code: 'DOCUMENT.INVALID_TRANSITION', event: 'submitted', from: null, index: 0 },
      });
    });

    it('reports a second `created` at its own index', () => {
      expect(foldLifecycle([created(), submitted(), created()])).toMatchObject({
        ok: false,
        error: { code: 'DOCUMENT.INVALID_TRANSITION', event: 'created', from: 'pending_l1', index: 2 },
      });
    });

    it('refuses an empty history', () => {
      expect(foldLifecycle([])).toMatchObject({ ok: false, error: { code: 'DOCUMENT.INVALID_TRANSITION', index: 0 } });
    });
  });
});

describe('驳回上一级 and resuming an unchanged resubmission', () => {
  const returned = (level: 1 | 2 | 3, actor: string, performer: Performer) => ev('returned', actor, [performer]);
  const resumed = () => system('resumed');

  it('returns one level down and voids only that level’s signature, which its signer may give again', () => {
    const history = [created(), submitted(), approvedL1(), approvedL2(), ev('returned_previous', PRINCIPAL, ['principal'])];
    const state = fold(history);
    expect(state).toMatchObject({ status: 'pending_l2', signatures: { l1: V1.contentHash } });
    expect(state.signatures.l2).toBeUndefined();
    expect(statuses([...history, approvedL2(), approvedL3()]).slice(-2)).toEqual(['pending_l3', 'pending_secrecy']);
  });

  it('refuses 驳回上一级 at level 1 (there is no level below the drafter but the drafter)', () => {
    const state = fold([created(), submitted()]);
    expect(applyLifecycleEvent(state, ev('returned_previous', HEAD, ['dept_head']))).toMatchObject({
      ok: false,
      error: { code: 'DOCUMENT.INVALID_TRANSITION' },
    });
  });

  it('resumes at the level that returned, carrying the still-valid signatures forward one level per event', () => {
    const history = [created(), submitted(), approvedL1(), approvedL2(), returned(3, PRINCIPAL, 'principal'), submitted(), resumed(), resumed()];
    expect(statuses(history).slice(-3)).toEqual(['pending_l1', 'pending_l2', 'pending_l3']);
    expect(statuses([...history, approvedL3(), cleared()]).at(-1)).toBe('approved');
  });

  it('refuses to carry forward a signature that a new version voided', () => {
    const history = [
      created(),
      submitted(),
      approvedL1(),
      returned(2, DEPUTY, 'deputy'),
      ev('revised', AUTHOR, ['drafter'], V2),
      submitted(V2),
    ];
    expect(applyLifecycleEvent(fold(history), system('resumed', V2))).toMatchObject({
      ok: false,
      error: { code: 'DOCUMENT.HASH_MISMATCH' },
    });
  });

  it('refuses to carry forward the signature 驳回上一级 voided, and lets only the system resume', () => {
    const afterPrevious = [created(), submitted(), approvedL1(), ev('returned_previous', DEPUTY, ['deputy'])];
    expect(applyLifecycleEvent(fold(afterPrevious), resumed())).toMatchObject({ ok: false, error: { code: 'DOCUMENT.HASH_MISMATCH' } });
    const signed = fold([created(), submitted(), approvedL1(), returned(2, DEPUTY, 'deputy'), submitted()]);
    expect(applyLifecycleEvent(signed, ev('resumed', AUTHOR, ['drafter']))).toMatchObject({
      ok: false,
      error: { code: 'DOCUMENT.ROLE_NOT_ALLOWED' },
    });
  });
});

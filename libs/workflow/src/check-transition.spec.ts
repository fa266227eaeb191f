import { describe, expect, it } from 'vitest';
import { DOCUMENT_EVENT_TYPES, DOCUMENT_STATUSES, ROLES, systemActor } from '@sanshen/kernel';
import type { DocumentEventType, DocumentStatus, EventProducer } from '@sanshen/kernel';
import { checkTransition, eventsFrom, performersOf } from './check-transition.js';
import { EVENT_OWNER, STATE_OWNER } from './transitions.js';
import type { Performer } from './transitions.js';

/** `null`: the document does not exist yet (the table's "—"). */
type From = DocumentStatus | null;

interface Row {
  event: DocumentEventType;
  /** [from, to, who may fire it from there] — `returned` has one move per review level. */
  /** (from, to, who may fire it: one performer, or several when any of them may). */
  moves: readonly (readonly [From, DocumentStatus, Performer | readonly Performer[]])[];
  owner: EventProducer;
}

/**
 * ARCHITECTURE.md "The document state machine", row by row, written from the document (not from
 * transitions.ts). Interpretations: `retracted` is fired by the principal's authorization of a
 * publisher's request; automatic publication, the portal receipt and exhausted retries are 'system'.
 */
const ARCHITECTURE_TABLE: readonly Row[] = [
  { event: 'created', moves: [[null, 'draft', 'drafter']], owner: 'drafting' },
  { event: 'revised', moves: [['draft', 'draft', 'drafter']], owner: 'drafting' },
  { event: 'submitted', moves: [['draft', 'pending_l1', 'drafter']], owner: 'drafting' },
  { event: 'withdrawn', moves: [['pending_l1', 'draft', 'drafter']], owner: 'review' },
  { event: 'approved_l1', moves: [['pending_l1', 'pending_l2', 'dept_head']], owner: 'review' },
  { event: 'approved_l2', moves: [['pending_l2', 'pending_l3', 'deputy']], owner: 'review' },
  { event: 'approved_l3', moves: [['pending_l3', 'pending_secrecy', 'principal']], owner: 'review' },
  {
    event: 'returned',
    moves: [
      ['pending_l1', 'draft', 'dept_head'],
      ['pending_l2', 'draft', 'deputy'],
      ['pending_l3', 'draft', 'principal'],
    ],
    owner: 'review',
  },
  // Proposed row (docs/architecture.md, issue #4): 驳回上一级 returns one level down.
  {
    event: 'returned_previous',
    moves: [
      ['pending_l2', 'pending_l1', 'deputy'],
      ['pending_l3', 'pending_l2', 'principal'],
    ],
    owner: 'review',
  },
  // Proposed row: an unchanged resubmission resumes, carrying each still-valid signature forward.
  {
    event: 'resumed',
    moves: [
      ['pending_l1', 'pending_l2', 'system'],
      ['pending_l2', 'pending_l3', 'system'],
    ],
    owner: 'review',
  },
  { event: 'secrecy_cleared', moves: [['pending_secrecy', 'approved', 'secrecy_officer']], owner: 'secrecy' },
  { event: 'secrecy_returned', moves: [['pending_secrecy', 'draft', 'secrecy_officer']], owner: 'secrecy' },
  { event: 'publish_started', moves: [['approved', 'publishing', 'system']], owner: 'publication' },
  { event: 'published', moves: [['publishing', 'published', 'system']], owner: 'publication' },
  { event: 'publish_failed', moves: [['publishing', 'publish_failed', 'system']], owner: 'publication' },
  { event: 'publish_retried', moves: [['publish_failed', 'publishing', 'publisher']], owner: 'publication' },
  { event: 'retracted', moves: [['published', 'retracted', 'principal']], owner: 'publication' },
  { event: 'correction_started', moves: [['published', 'draft', 'drafter']], owner: 'publication' },
  // 删除草稿 (issue #12): the author's department — a drafter or its head.
  { event: 'discarded', moves: [['draft', 'discarded', ['drafter', 'dept_head']]], owner: 'drafting' },
];

const FROMS: readonly From[] = [null, ...DOCUMENT_STATUSES];
const PERFORMERS: readonly Performer[] = [...ROLES, 'system'];

function moveFor(from: From, event: DocumentEventType) {
  const row = ARCHITECTURE_TABLE.find((candidate) => candidate.event === event);
  return row?.moves.find(([moveFrom]) => moveFrom === from);
}

type Expected =
  | { kind: 'ok'; to: DocumentStatus }
  | { kind: 'DOCUMENT.INVALID_TRANSITION' }
  | { kind: 'DOCUMENT.ROLE_NOT_ALLOWED'; allowed: readonly Performer[] };

function expectedOutcome(from: From, event: DocumentEventType, performer: Performer): Expected {
  const move = moveFor(from, event);
  if (move === undefined) return { kind: 'DOCUMENT.INVALID_TRANSITION' };
  const [, to, by] = move;
  const allowed: readonly Performer[] = typeof by === 'string' ? [by] : by;
  return allowed.includes(performer) ? { kind: 'ok', to } : { kind: 'DOCUMENT.ROLE_NOT_ALLOWED', allowed };
}

const describeExpected = (expected: Expected) => (expected.kind === 'ok' ? `→ ${expected.to}` : expected.kind);

const PRODUCT = FROMS.flatMap((from) =>
  DOCUMENT_EVENT_TYPES.flatMap((event) =>
    PERFORMERS.map((performer) => {
      const expected = expectedOutcome(from, event, performer);
      return {
        from,
        event,
        performer,
        expected,
        label: `${from ?? '(new)'} × ${event} × ${performer}: ${describeExpected(expected)}`,
      };
    }),
  ),
);

describe('the expectation table itself', () => {
  it('has at most one move per (state, event)', () => {
    const keys = ARCHITECTURE_TABLE.flatMap((row) => row.moves.map(([from]) => `${from}|${row.event}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names every event exactly once', () => {
    expect(ARCHITECTURE_TABLE.map((row) => row.event).sort()).toEqual([...DOCUMENT_EVENT_TYPES].sort());
  });

  it('covers the whole product of states, events and performers', () => {
    expect(PRODUCT).toHaveLength((DOCUMENT_STATUSES.length + 1) * DOCUMENT_EVENT_TYPES.length * (ROLES.length + 1));
    expect(PRODUCT.filter((testCase) => testCase.expected.kind === 'ok')).toHaveLength(24);
  });
});

describe('checkTransition', () => {
  it.each(PRODUCT)('$label', ({ from, event, performer, expected }) => {
    const result = checkTransition(from, event, [performer]);
    switch (expected.kind) {
      case 'ok':
        expect(result).toEqual({ ok: true, value: expected.to });
        break;
      case 'DOCUMENT.INVALID_TRANSITION':
        expect(result).toEqual({ ok: false, error: { code: 'DOCUMENT.INVALID_TRANSITION', from, event } });
        break;
      case 'DOCUMENT.ROLE_NOT_ALLOWED':
        expect(result).toEqual({
          ok: false,
          error: { code: 'DOCUMENT.ROLE_NOT_ALLOWED', from, event, allowed: expected.allowed },
        });
        break;
    }
  });

  it('lets an actor with several roles fire an event when any one of them fits', () => {
    expect(checkTransition('pending_l1', 'approved_l1', ['drafter', 'dept_head'])).toEqual({
      ok: true,
      value: 'pending_l2',
    });
    expect(checkTransition('pending_l2', 'returned', ['auditor', 'admin', 'deputy'])).toEqual({
      ok: true,
      value: 'draft',
    });
  });

  it('refuses an actor with no roles as ROLE_NOT_ALLOWED where the state allows the event', () => {
    expect(checkTransition('pending_l3', 'approved_l3', [])).toMatchObject({
      ok: false,
      error: { code: 'DOCUMENT.ROLE_NOT_ALLOWED' },
    });
  });

  it('refuses an event the state does not allow as INVALID_TRANSITION even with every role', () => {
    expect(checkTransition('approved', 'approved_l1', PERFORMERS)).toMatchObject({
      ok: false,
      error: { code: 'DOCUMENT.INVALID_TRANSITION' },
    });
  });
});

describe('eventsFrom', () => {
  it.each(FROMS.map((from) => ({ from, label: from ?? '(new)' })))('lists exactly the events the table allows from $label', ({ from }) => {
    const expected = ARCHITECTURE_TABLE.filter((row) => row.moves.some(([moveFrom]) => moveFrom === from)).map(
      (row) => row.event,
    );
    expect([...eventsFrom(from)].sort()).toEqual([...expected].sort());
  });

  it('offers nothing once a document is retracted', () => {
    expect(eventsFrom('retracted')).toEqual([]);
  });
});

describe('performersOf', () => {
  it("stands the system actor for 'system' alone", () => {
    expect(performersOf(systemActor('agency-1'))).toEqual(['system']);
    expect(performersOf({ userId: 'system', roles: ['admin'] })).toEqual(['system']);
  });

  it("stands a user for the user's roles", () => {
    expect(performersOf({ userId: 'u-1', roles: ['drafter', 'dept_head'] })).toEqual(['drafter', 'dept_head']);
    expect(performersOf({ userId: 'u-2', roles: [] })).toEqual([]);
  });

  it("never lets a user stand for 'system' or for a string that is not a role", () => {
    expect(performersOf({ userId: 'u-3', roles: ['system', 'publisher', 'superuser'] })).toEqual(['publisher']);
  });

  it('lets a user fire nothing the system fires', () => {
    const performers = performersOf({ userId: 'u-4', roles: [...ROLES] });
    expect(checkTransition('approved', 'publish_started', performers)).toMatchObject({
      ok: false,
      error: { code: 'DOCUMENT.ROLE_NOT_ALLOWED' },
    });
  });
});

describe('ownership (the baton)', () => {
  it("gives every event the owner of the table's owner column", () => {
    const column = Object.fromEntries(ARCHITECTURE_TABLE.map((row) => [row.event, row.owner]));
    expect(EVENT_OWNER).toEqual(column);
  });

  it.each(
    ARCHITECTURE_TABLE.flatMap((row) =>
      row.moves.map(([from]) => ({ event: row.event, from, owner: row.owner, label: `${row.event} from ${from ?? '(new)'}` })),
    ),
  )('$label is emitted by the owner of the state it leaves', ({ event, from, owner }) => {
    const leaving: EventProducer = from === null ? 'drafting' : STATE_OWNER[from];
    expect(leaving).toBe(owner);
    expect(EVENT_OWNER[event]).toBe(leaving);
  });

  it('gives a state no event leaves (retracted) the owner of the event that enters it', () => {
    expect(STATE_OWNER.retracted).toBe('publication');
  });

  it('gives every status an owner', () => {
    expect(Object.keys(STATE_OWNER).sort()).toEqual([...DOCUMENT_STATUSES].sort());
  });
});

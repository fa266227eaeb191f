import type { EventEnvelope } from '@sanshen/contracts';
import { describe, expect, it } from 'vitest';
import { returnOf } from './document-return.js';

function event(type: string, payload: unknown, actor: Partial<EventEnvelope['actor']> = {}): EventEnvelope {
  return {
    id: 'e1',
    type: `document.${type}`,
    schemaVersion: 1,
    occurredAt: '2026-12-06T03:00:00.000Z',
    documentId: 'd1',
    sequence: 5,
    actor: { userId: 'u-head', agencyId: 'a', roles: ['dept_head'], displayName: '李科长', ...actor },
    correlationId: 'c',
    causationId: null,
    producer: 'review',
    payload,
  } as EventEnvelope;
}

describe('returnOf', () => {
  it('records a review level’s return to the drafter with who, when, why and which level', () => {
    expect(returnOf(event('returned', { version: 2, contentHash: 'h', level: 1, reason: '数据需核实', to: 'drafter' }))).toEqual({
      stage: 'review',
      level: 1,
      stageLabel: '科室负责人审核（一审）',
      reason: '数据需核实',
      byId: 'u-head',
      byName: '李科长',
      at: '2026-12-06T03:00:00.000Z',
      version: 2,
    });
  });

  it('names a delegate as "X 代 Y"', () => {
    const returned = returnOf(
      event('returned', { version: 1, contentHash: 'h', level: 2, reason: '请补充', to: 'drafter' }, { displayName: '周发布员', onBehalfOf: { userId: 'u-dep', displayName: '王副局长' } }),
    );
    expect(returned?.byName).toBe('周发布员 代 王副局长');
  });

  it('records a secrecy return with the officer’s opinion', () => {
    expect(returnOf(event('secrecy_returned', { version: 3, contentHash: 'h', decisionId: 'x', opinion: '含身份证号', findingIds: [] }))).toMatchObject({
      stage: 'secrecy',
      level: null,
      stageLabel: '保密审查',
      reason: '含身份证号',
      version: 3,
    });
  });

  it('ignores what is not a return to the drafter', () => {
    expect(returnOf(event('returned_previous', { version: 1, contentHash: 'h', level: 2, reason: 'x', to: 'previous' }))).toBeNull();
    expect(returnOf(event('approved_l1', { version: 1, contentHash: 'h' }))).toBeNull();
  });
});

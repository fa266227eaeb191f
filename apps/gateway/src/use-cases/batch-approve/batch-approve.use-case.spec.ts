import { DRAFTING_RPC, REVIEW_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../adapters/auth/request-context.js';
import type { ServiceClient } from '@sanshen/platform/rpc';
import { ServiceCalls } from '../../adapters/http/service-calls.js';
import { BatchApproveUseCase } from './batch-approve.use-case.js';

const actor: Actor = { userId: 'head', agencyId: 'a', agencyName: '', departmentId: 'd', roles: ['dept_head'], oversees: [], displayName: '李科长' };
const context: RequestContext = { actor, sessionId: 's', correlationId: 'c' };

/** The gateway's service calls over a strict stand-in client: each (pattern, document) answers as scripted; anything else fails the test. */
function services(script: Record<string, (payload: Record<string, unknown>) => unknown>): { calls: string[]; port: ServiceCalls } {
  const calls: string[] = [];
  const client = {
    send: (pattern: string, request: { payload: Record<string, unknown> }) => {
      const key = `${pattern} ${String(request.payload.documentId)}`;
      calls.push(key);
      const answer = script[key];
      if (answer === undefined) throw new Error(`unexpected call ${key}`);
      return Promise.resolve().then(() => answer(request.payload));
    },
  } as unknown as ServiceClient;
  return { calls, port: new ServiceCalls(client) };
}

describe('BatchApproveUseCase', () => {
  it('decides each document on its own, in order, and reports each outcome', async () => {
    const { calls, port } = services({
      [`${REVIEW_RPC.approve} d1`]: (payload) => ({ documentId: 'd1', version: payload.version, status: 'pending_l2', level: 1 }),
      [`${REVIEW_RPC.approve} d2`]: () => {
        throw new DomainError('DOCUMENT.NOT_IN_SCOPE');
      },
      [`${DRAFTING_RPC.access} d2`]: () => {
        throw new DomainError('DOCUMENT.NOT_FOUND');
      },
      [`${REVIEW_RPC.approve} d3`]: () => {
        throw new DomainError('REVIEW.SELF_APPROVAL');
      },
      [`${DRAFTING_RPC.access} d3`]: () => ({}),
      [`${REVIEW_RPC.approve} d4`]: () => {
        throw new Error('socket hang up');
      },
    });
    const view = await new BatchApproveUseCase(port, pino({ level: 'silent' })).execute(
      context,
      ['d1', 'd2', 'd3', 'd4'].map((documentId) => ({ documentId, version: 2 })),
      '同意',
    );
    expect(view.results).toEqual([
      { documentId: 'd1', ok: true, decision: { documentId: 'd1', version: 2, status: 'pending_l2', level: 1 } },
      { documentId: 'd2', ok: false, error: { code: 'DOCUMENT.NOT_FOUND', message: expect.any(String) } },
      { documentId: 'd3', ok: false, error: { code: 'REVIEW.SELF_APPROVAL', message: expect.any(String) } },
      { documentId: 'd4', ok: false, error: { code: 'INTERNAL', message: '系统内部错误' } },
    ]);
    // Review decides first; drafting is asked only about a refusal, which an invisible document's caller sees as 404.
    expect(calls).toEqual([
      `${REVIEW_RPC.approve} d1`,
      `${REVIEW_RPC.approve} d2`,
      `${DRAFTING_RPC.access} d2`,
      `${REVIEW_RPC.approve} d3`,
      `${DRAFTING_RPC.access} d3`,
      `${REVIEW_RPC.approve} d4`,
    ]);
  });
  it('refuses someone without a review duty before deciding anything', async () => {
    const { calls, port } = services({});
    const drafter: RequestContext = { ...context, actor: { ...actor, roles: ['drafter'] } };
    await expect(new BatchApproveUseCase(port, pino({ level: 'silent' })).execute(drafter, [{ documentId: 'd1', version: 1 }], null)).rejects.toMatchObject({
      code: 'REVIEW.NOT_A_REVIEWER',
    });
    expect(calls).toEqual([]);
  });
});

import { REVIEW_RPC } from '@sanshen/contracts';
import type { ServiceClient } from '@sanshen/platform/rpc';
import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { DelegatedDuties } from './delegated-duties.js';

const AGENCY = '00000000-0000-4000-8000-000000000001';

function withReview(delegates: Record<string, string[]>) {
  const asked: { pattern: string; payload: unknown }[] = [];
  const client = {
    send: async (pattern: string, request: { payload: { fromUserIds: string[] } }) => {
      asked.push({ pattern, payload: request.payload });
      return { userIds: request.payload.fromUserIds.flatMap((id) => delegates[id] ?? []) };
    },
  } as unknown as ServiceClient;
  const logger = { warn: () => undefined } as unknown as Logger;
  return { duties: new DelegatedDuties(client, logger), asked };
}

describe('DelegatedDuties.delegatesOf', () => {
  it('asks review once for the same reviewers, in any order, and again once a delegation of one of them changed', async () => {
    const { duties, asked } = withReview({ a: ['x'], b: ['y'] });
    expect(await duties.delegatesOf(AGENCY, ['b', 'a'], 'c1')).toEqual(['x', 'y']);
    expect(await duties.delegatesOf(AGENCY, ['a', 'b'], 'c2')).toEqual(['x', 'y']);
    expect(asked).toEqual([{ pattern: REVIEW_RPC.delegates, payload: { fromUserIds: ['a', 'b'] } }]);

    await duties.delegatesOf(AGENCY, ['c'], 'c3');
    duties.forget('x', 'b');
    await duties.delegatesOf(AGENCY, ['a', 'b'], 'c4');
    await duties.delegatesOf(AGENCY, ['c'], 'c5');
    expect(asked.map((call) => call.payload)).toEqual([{ fromUserIds: ['a', 'b'] }, { fromUserIds: ['c'] }, { fromUserIds: ['a', 'b'] }]);
  });

  it('keeps agencies apart', async () => {
    const { duties, asked } = withReview({ a: ['x'] });
    await duties.delegatesOf(AGENCY, ['a'], 'c1');
    await duties.delegatesOf('00000000-0000-4000-8000-000000000002', ['a'], 'c2');
    expect(asked).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import type { RpcRequest } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { RPC_SIGNATURE_MAX_AGE_MS, hasValidRpcSignature, signRpcRequest } from './request-signing.js';

const SECRET = 'a-test-secret-of-at-least-32-characters!!';
const actor: Actor = {
  userId: 'u1',
  agencyId: 'a1',
  agencyName: '海东市工业和信息化局',
  departmentId: null,
  roles: ['principal'],
  oversees: [],
  displayName: '赵局长',
};
const NOW = 1_800_000_000_000;

function signed(payload: unknown = { documentId: 'd1', version: 2 }): RpcRequest<unknown> {
  const request: RpcRequest<unknown> = { actor, correlationId: 'c1', payload };
  return { ...request, signature: signRpcRequest(SECRET, 'review.document.approve', request, NOW) };
}

/** What the receiver sees: the request after JSON over the wire. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('RPC request signing', () => {
  it('accepts a request as signed, after the wire', () => {
    expect(hasValidRpcSignature(SECRET, wire(signed()), NOW + 1000)).toBe(true);
  });

  it('accepts payloads whose JSON differs from the object (dates, undefined members)', () => {
    const request = signed({ at: new Date(NOW), skip: undefined, list: [1, undefined] });
    expect(hasValidRpcSignature(SECRET, wire(request), NOW)).toBe(true);
  });

  it('refuses a forged actor, payload, correlation id, pattern or secret', () => {
    const base = wire(signed());
    expect(hasValidRpcSignature(SECRET, { ...base, actor: { ...actor, roles: ['admin'] } }, NOW)).toBe(false);
    expect(hasValidRpcSignature(SECRET, { ...base, payload: { documentId: 'd2', version: 2 } }, NOW)).toBe(false);
    expect(hasValidRpcSignature(SECRET, { ...base, correlationId: 'c2' }, NOW)).toBe(false);
    expect(hasValidRpcSignature(SECRET, { ...base, signature: { ...base.signature!, pattern: 'review.document.return' } }, NOW)).toBe(false);
    expect(hasValidRpcSignature(`${SECRET}x`, base, NOW)).toBe(false);
  });

  it('refuses unsigned, malformed and stale requests', () => {
    const base = wire(signed());
    expect(hasValidRpcSignature(SECRET, { actor, correlationId: 'c1', payload: {} }, NOW)).toBe(false);
    expect(hasValidRpcSignature(SECRET, { ...base, signature: { v: 1 } as never }, NOW)).toBe(false);
    expect(hasValidRpcSignature(SECRET, base, NOW + RPC_SIGNATURE_MAX_AGE_MS + 1)).toBe(false);
    expect(hasValidRpcSignature(SECRET, base, NOW - RPC_SIGNATURE_MAX_AGE_MS - 1)).toBe(false);
  });
});

import type { ExecutionContext } from '@nestjs/common';
import { rpcSubject } from '@sanshen/contracts';
import type { RpcRequest } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import { signRpcRequest } from './request-signing.js';
import { RpcSignatureGuard, requireActor } from './rpc.js';

const SECRET = 'a-test-secret-of-at-least-32-characters!!';
const NAMESPACE = { name: 'kit' };
const PATTERN = 'drafting.document.get';
const actor: Actor = { userId: 'u1', agencyId: 'a1', agencyName: '机关', departmentId: null, roles: ['drafter'], oversees: [], displayName: '起草人' };

function signed(secret = SECRET, pattern = PATTERN): RpcRequest<unknown> {
  const request: RpcRequest<unknown> = { actor, correlationId: 'c1', payload: { documentId: 'd1' } };
  return JSON.parse(JSON.stringify({ ...request, signature: signRpcRequest(secret, pattern, request) })) as RpcRequest<unknown>;
}

function rpcContext(data: unknown, subject = rpcSubject(NAMESPACE, PATTERN)): ExecutionContext {
  return {
    getType: () => 'rpc',
    switchToRpc: () => ({ getData: () => data, getContext: () => ({ getSubject: () => subject }) }),
  } as unknown as ExecutionContext;
}

const guard = (secret: string | null = SECRET) => new RpcSignatureGuard({ namespace: NAMESPACE, internalTokenSecret: secret });

describe('RpcSignatureGuard and requireActor', () => {
  it('lets a request signed with the injected secret through, and requireActor then gives its actor', () => {
    const request = signed();
    expect(guard().canActivate(rpcContext(request))).toBe(true);
    expect(requireActor(request)).toEqual(actor);
    // The guard's mark is not part of the request: nothing of it is serialized or enumerated.
    expect(Object.keys(request)).toEqual(['actor', 'correlationId', 'payload', 'signature']);
  });

  it('checks with the secret each guard was given: two services in one process do not share one', () => {
    const other = guard('another-secret-of-at-least-32-characters');
    expect(() => other.canActivate(rpcContext(signed()))).toThrow(expect.objectContaining({ code: 'ACTOR.INVALID', details: { reason: 'signature' } }));
    expect(() => guard(null).canActivate(rpcContext(signed()))).toThrow(expect.objectContaining({ code: 'ACTOR.INVALID' }));
  });

  it('refuses a request signed for another pattern than its subject, unsigned or malformed requests', () => {
    expect(() => guard().canActivate(rpcContext(signed(SECRET, 'drafting.document.list')))).toThrow(
      expect.objectContaining({ code: 'ACTOR.INVALID', details: { reason: 'pattern' } }),
    );
    const { signature: _signature, ...unsigned } = signed();
    expect(() => guard().canActivate(rpcContext(unsigned))).toThrow(expect.objectContaining({ code: 'ACTOR.INVALID', details: { reason: 'signature' } }));
    expect(() => guard().canActivate(rpcContext({ ...signed(), actor: { userId: '' } }))).toThrow(expect.objectContaining({ code: 'ACTOR.INVALID' }));
    expect(() => guard().canActivate(rpcContext(undefined))).toThrow(expect.objectContaining({ code: 'ACTOR.INVALID' }));
  });

  it('requireActor refuses a request no guard verified, however well signed', () => {
    expect(() => requireActor(signed())).toThrow(expect.objectContaining({ code: 'ACTOR.INVALID', details: { reason: 'signature' } }));
  });

  it('lets HTTP requests through', () => {
    expect(guard().canActivate({ getType: () => 'http' } as unknown as ExecutionContext)).toBe(true);
  });
});

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RpcRequest, RpcSignature } from '@sanshen/contracts';
import { canonicalJson, sha256Hex } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';

/** A signed request older (or newer) than this by the receiver's clock is refused. */
export const RPC_SIGNATURE_MAX_AGE_MS = 60_000;

/** What the MAC covers. The payload as the receiver will see it: JSON round-tripped. */
function signedText(pattern: string, issuedAt: number, correlationId: string, actor: Actor | null, payload: unknown): string {
  const wire = payload === undefined ? null : (JSON.parse(JSON.stringify(payload)) as unknown);
  return canonicalJson({ v: 1, pattern, issuedAt, correlationId, actor, payloadDigest: sha256Hex(canonicalJson(wire)) });
}

function mac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('base64url');
}

/** The signature a sending service attaches to a request for `pattern` (`<service>.<noun>.<verb>`, no namespace). */
export function signRpcRequest(secret: string, pattern: string, request: RpcRequest<unknown>, now: number = Date.now()): RpcSignature {
  return { v: 1, pattern, issuedAt: now, mac: mac(secret, signedText(pattern, now, request.correlationId, request.actor, request.payload)) };
}

/** Whether the request carries a valid, fresh signature by a holder of `secret`; never throws. */
export function hasValidRpcSignature(secret: string, request: RpcRequest<unknown>, now: number = Date.now()): boolean {
  const signature = (request as { signature?: unknown }).signature as Partial<RpcSignature> | undefined;
  if (typeof signature !== 'object' || signature === null) return false;
  const { v, pattern, issuedAt, mac: given } = signature;
  if (v !== 1 || typeof pattern !== 'string' || typeof issuedAt !== 'number' || typeof given !== 'string') return false;
  if (!Number.isFinite(issuedAt) || Math.abs(now - issuedAt) > RPC_SIGNATURE_MAX_AGE_MS) return false;
  if (typeof request.correlationId !== 'string') return false;
  let expected: string;
  try {
    expected = mac(secret, signedText(pattern, issuedAt, request.correlationId, request.actor, request.payload));
  } catch {
    return false;
  }
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { CanActivate, ExecutionContext, OnApplicationShutdown } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { NatsContext } from '@nestjs/microservices';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { rpcSubject } from '@sanshen/contracts';
import type { RpcRequest } from '@sanshen/contracts';
import { DomainError, domainErrorFromBody } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { SpanKind, inSpan, traceHeaders, tracingEnabled } from '@sanshen/telemetry';
import { BASE_CONFIG } from '../core/config.js';
import type { BaseConfig } from '../core/config.js';
import { latencyHistogram } from '../core/metrics.js';
import { isOutage } from '../core/outage.js';
import { NATS_CONNECTION, connectNats } from './nats.js';
import { hasValidRpcSignature, signRpcRequest } from './request-signing.js';

/** Requests to other services over NATS, by pattern (subject without namespace) and outcome. */
export const rpcClientDuration = latencyHistogram(
  'sanshen_rpc_client_duration_seconds',
  'NATS request-reply calls to other services, by pattern and outcome (ok, refused, unavailable, error)',
  ['pattern', 'outcome'],
);

/**
 * `@MessagePattern` for `<service>.<noun>.<verb>`. The pattern stays bare here: the RPC server
 * (RpcModule) answers it on the installation's namespaced subject, with the namespace it was given
 * at boot — nothing is read from the environment when the decorator runs.
 */
export function RpcPattern(pattern: string): MethodDecorator {
  return MessagePattern(pattern);
}

/** Set by RpcSignatureGuard on a request whose actor it verified; not enumerable, so never sent on. */
const VERIFIED_ACTOR = Symbol('sanshen:verified-actor');

/**
 * The actor of a request that RpcSignatureGuard verified: well-formed and signed by a service holding
 * INTERNAL_TOKEN_SECRET (the gateway, or a service acting as the system). Services never trust a
 * bare message, however well-formed: a request that did not pass the guard is ACTOR.INVALID here.
 */
export function requireActor<T>(request: RpcRequest<T>): Actor {
  const verified = (request as { [VERIFIED_ACTOR]?: Actor } | null)?.[VERIFIED_ACTOR];
  if (verified === undefined) throw new DomainError('ACTOR.INVALID', { reason: 'signature' });
  return verified;
}

function isWellFormedActor(actor: unknown): actor is Actor {
  const candidate = actor as Partial<Actor> | null;
  return (
    candidate !== null &&
    typeof candidate === 'object' &&
    typeof candidate.userId === 'string' &&
    candidate.userId !== '' &&
    typeof candidate.agencyId === 'string' &&
    Array.isArray(candidate.roles)
  );
}

/**
 * Checks every request a service answers over NATS before its handler runs: the request must be
 * signed for the subject it arrived on (a request signed for one pattern and sent to another is
 * refused, reason `pattern`), carry a well-formed actor, and a fresh MAC by the holder of the
 * signing secret (reason `signature`). The secret and namespace are the service's configuration,
 * injected; handlers then take the actor with `requireActor`. HTTP requests pass through.
 * Registered by RpcModule in every service that answers requests.
 */
@Injectable()
export class RpcSignatureGuard implements CanActivate {
  constructor(@Inject(BASE_CONFIG) private readonly config: Pick<BaseConfig, 'namespace' | 'internalTokenSecret'>) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'rpc') return true;
    const request = context.switchToRpc().getData<Partial<RpcRequest<unknown>> | null>();
    if (request === null || typeof request !== 'object') throw new DomainError('ACTOR.INVALID');
    const signature = request.signature;
    const subject = context.switchToRpc().getContext<NatsContext>().getSubject();
    if (signature !== undefined && (typeof signature?.pattern !== 'string' || rpcSubject(this.config.namespace, signature.pattern) !== subject)) {
      throw new DomainError('ACTOR.INVALID', { reason: 'pattern' });
    }
    if (!isWellFormedActor(request.actor)) throw new DomainError('ACTOR.INVALID');
    const secret = this.config.internalTokenSecret;
    if (secret === null || !hasValidRpcSignature(secret, request as RpcRequest<unknown>)) {
      throw new DomainError('ACTOR.INVALID', { reason: 'signature' });
    }
    Object.defineProperty(request, VERIFIED_ACTOR, { value: request.actor, enumerable: false });
    return true;
  }
}

export const SERVICE_CLIENT_TIMEOUT_MS = 10_000;

/** What a Nest NATS server answers a request with (its `NatsRecordSerializer`, `{ id, response | err }`). */
interface ReplyPacket<T> {
  id?: string;
  response?: T;
  err?: unknown;
  isDisposed?: boolean;
}

/**
 * Request-reply to other services over NATS, with typed errors back. A service that does not answer
 * (no responders, nobody subscribed, the timeout, NATS itself unreachable) is SERVICE.UNAVAILABLE
 * with the service's name, never a bare error: the gateway answers 503 with Retry-After.
 *
 * Requests go out on the service's shared connection (NATS_CONNECTION) as plain NATS requests, their
 * replies coming back on the connection's one inbox subscription: no subscription made and removed
 * per request (as Nest's client does). The packets are Nest's, so the services' Nest servers answer
 * them as ever. Made without the shared connection (tests, tools), it opens its own when first used.
 * While the connection is down a request fails at once, as unavailable, instead of waiting it out.
 */
@Injectable()
export class ServiceClient implements OnApplicationShutdown {
  private readonly namespace: { name: string };
  private readonly secret: string | null;
  private connection: Promise<NatsConnection> | null = null;
  private readonly owned: boolean;
  private disconnected = false;

  constructor(
    @Inject(BASE_CONFIG) private readonly config: Pick<BaseConfig, 'namespace' | 'internalTokenSecret' | 'natsUrl'>,
    @Optional() @Inject(NATS_CONNECTION) shared?: NatsConnection,
  ) {
    this.namespace = config.namespace;
    this.secret = config.internalTokenSecret;
    this.owned = shared === undefined;
    if (shared !== undefined) this.connection = Promise.resolve(this.followed(shared));
  }

  /**
   * Sends in a CLIENT span (when tracing) whose context travels in the request's `traceparent` header; a
   * refusal is an answer, not a failed span (an unavailable service is).
   */
  send<TReply, TPayload = unknown>(pattern: string, request: RpcRequest<TPayload>, timeoutMs = SERVICE_CLIENT_TIMEOUT_MS): Promise<TReply> {
    if (!tracingEnabled()) return this.request<TReply, TPayload>(pattern, request, timeoutMs);
    const failed = (error: unknown) => !(error instanceof DomainError) || error.code === 'SERVICE.UNAVAILABLE';
    return inSpan(pattern, { kind: SpanKind.CLIENT, attributes: { 'rpc.system': 'nats', 'rpc.method': pattern }, failed }, () =>
      this.request<TReply, TPayload>(pattern, request, timeoutMs),
    );
  }

  private async request<TReply, TPayload>(pattern: string, request: RpcRequest<TPayload>, timeoutMs: number): Promise<TReply> {
    if (this.secret === null) throw new Error('INTERNAL_TOKEN_SECRET is not configured: this service cannot call others');
    const h = natsHeaders();
    h.set('X-Correlation-Id', request.correlationId);
    for (const [name, value] of Object.entries(traceHeaders())) h.set(name, value);
    const subject = rpcSubject(this.namespace, pattern);
    const signed: RpcRequest<TPayload> = { ...request, signature: signRpcRequest(this.secret, pattern, request) };
    const timer = rpcClientDuration.startTimer({ pattern });
    try {
      const nc = await this.nats();
      if (this.disconnected || nc.isClosed()) throw new Error('connection lost');
      const msg = await nc.request(subject, JSON.stringify({ pattern: subject, data: signed, id: randomUUID() }), { timeout: timeoutMs, headers: h });
      if (msg.data.length === 0) throw new Error('empty response');
      const reply = msg.json<ReplyPacket<TReply>>();
      if (reply.err !== undefined && reply.err !== null) throw new RefusedReply(reply.err);
      timer({ outcome: 'ok' });
      return reply.response as TReply;
    } catch (caught) {
      const error = caught instanceof RefusedReply ? caught.body : caught;
      const domain = domainErrorFromBody(error);
      if (domain) {
        timer({ outcome: 'refused' });
        throw domain;
      }
      const unavailable = isUnavailable(error);
      timer({ outcome: unavailable ? 'unavailable' : 'error' });
      if (unavailable) throw new DomainError('SERVICE.UNAVAILABLE', { service: pattern.split('.')[0] });
      throw error instanceof Error ? error : new Error(`RPC ${pattern} failed: ${JSON.stringify(error)}`);
    }
  }

  private nats(): Promise<NatsConnection> {
    if (this.connection !== null) return this.connection;
    const connection = connectNats(this.config.natsUrl, 'sanshen-client').then((nc) => this.followed(nc));
    this.connection = connection;
    // A failed first connection is not kept: the next request tries again.
    connection.catch(() => {
      if (this.connection === connection) this.connection = null;
    });
    return connection;
  }

  /** Follows the connection's state: down from a disconnect until the reconnect. */
  private followed(nc: NatsConnection): NatsConnection {
    void (async () => {
      for await (const status of nc.status()) {
        if (status.type === 'disconnect') this.disconnected = true;
        else if (status.type === 'reconnect') this.disconnected = false;
      }
    })().catch(() => undefined);
    return nc;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.owned || this.connection === null) return;
    const nc = await this.connection.catch(() => null);
    this.connection = null;
    if (nc !== null && !nc.isClosed()) await nc.close();
  }
}

/** A reply carrying the answering service's error (a refusal, or what its handler threw). */
class RefusedReply {
  constructor(readonly body: unknown) {}
}

const RECONNECTING = /connection lost|trying to reconnect|closed connection|connection draining/i;

/**
 * NATS' timeout or no responders (a RequestError caused by NoResponders), an empty reply, a connection
 * that is down, closed or draining, or any other outage.
 */
function isUnavailable(error: unknown): boolean {
  if (typeof error === 'string') return RECONNECTING.test(error);
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'TimeoutError' ||
    /no responders|no subscribers|empty response|timeout|503/i.test(error.message) ||
    RECONNECTING.test(error.message) ||
    isOutage(error)
  );
}

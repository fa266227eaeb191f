import { Inject, Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext, OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, MessagePattern, NatsRecordBuilder, Transport } from '@nestjs/microservices';
import type { ClientProxy, NatsContext } from '@nestjs/microservices';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { isValidNamespace, rpcSubject } from '@sanshen/contracts';
import type { RpcRequest } from '@sanshen/contracts';
import { DomainError, domainErrorFromBody } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { firstValueFrom, timeout } from 'rxjs';
import { BASE_CONFIG } from './config.js';
import type { BaseConfig } from './config.js';
import { isOutage } from './outage.js';
import { hasValidRpcSignature, requestSigningSecret, signRpcRequest } from './request-signing.js';
import { rpcClientDuration } from './metrics.js';

/**
 * The namespace, read once when decorators are evaluated (module load, i.e. boot): message patterns
 * are fixed at that time, so `SANSHEN_NAMESPACE` must be set before the app's modules are imported.
 */
function bootNamespace(): { name: string } {
  const name = process.env.SANSHEN_NAMESPACE ?? '';
  if (!isValidNamespace(name)) throw new Error('SANSHEN_NAMESPACE: lowercase letters, digits and _ only');
  return { name };
}

/** `@MessagePattern` on the namespaced subject of `<service>.<noun>.<verb>`. */
export function RpcPattern(pattern: string): MethodDecorator {
  return MessagePattern(rpcSubject(bootNamespace(), pattern));
}

/**
 * Refuses a request that carries no well-formed actor, or whose actor is not signed by a service
 * holding INTERNAL_TOKEN_SECRET (the gateway, or a service acting as the system): services never
 * trust a bare message, however well-formed.
 */
export function requireActor<T>(request: RpcRequest<T>): Actor {
  const actor = request.actor;
  if (
    actor === null ||
    typeof actor !== 'object' ||
    typeof actor.userId !== 'string' ||
    actor.userId === '' ||
    typeof actor.agencyId !== 'string' ||
    !Array.isArray(actor.roles)
  ) {
    throw new DomainError('ACTOR.INVALID');
  }
  const secret = requestSigningSecret();
  if (secret === null || !hasValidRpcSignature(secret, request)) throw new DomainError('ACTOR.INVALID', { reason: 'signature' });
  return actor;
}

/**
 * Binds a signed request to the subject it arrived on: a request signed for one pattern and sent to
 * another is refused before the handler runs (requireActor checks the MAC itself). Registered for
 * every service by PlatformModule; HTTP requests pass through.
 */
@Injectable()
export class RpcSignatureGuard implements CanActivate {
  private readonly namespace: { name: string };

  constructor(@Inject(BASE_CONFIG) config: BaseConfig) {
    this.namespace = config.namespace;
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'rpc') return true;
    const data = context.switchToRpc().getData<Partial<RpcRequest<unknown>> | null>();
    const signature = data?.signature;
    if (signature === undefined) return true;
    const subject = context.switchToRpc().getContext<NatsContext>().getSubject();
    if (typeof signature?.pattern !== 'string' || rpcSubject(this.namespace, signature.pattern) !== subject) {
      throw new DomainError('ACTOR.INVALID', { reason: 'pattern' });
    }
    return true;
  }
}

export const SERVICE_CLIENT_TIMEOUT_MS = 10_000;

/**
 * Request-reply to other services over NATS, with typed errors back. A service that does not answer
 * (no responders, nobody subscribed, the timeout, NATS itself unreachable) is SERVICE.UNAVAILABLE
 * with the service's name, never a bare error: the gateway answers 503 with Retry-After.
 */
@Injectable()
export class ServiceClient implements OnApplicationShutdown {
  private readonly client: ClientProxy;
  private readonly namespace: { name: string };
  private readonly secret: string | null;

  constructor(@Inject(BASE_CONFIG) config: BaseConfig) {
    this.namespace = config.namespace;
    this.secret = config.internalTokenSecret;
    this.client = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: config.natsUrl.split(',') } });
  }

  async send<TReply, TPayload = unknown>(
    pattern: string,
    request: RpcRequest<TPayload>,
    timeoutMs = SERVICE_CLIENT_TIMEOUT_MS,
  ): Promise<TReply> {
    if (this.secret === null) throw new Error('INTERNAL_TOKEN_SECRET is not configured: this service cannot call others');
    const h = natsHeaders();
    h.set('X-Correlation-Id', request.correlationId);
    const signed: RpcRequest<TPayload> = { ...request, signature: signRpcRequest(this.secret, pattern, request) };
    const record = new NatsRecordBuilder(signed).setHeaders(h).build();
    const timer = rpcClientDuration.startTimer({ pattern });
    try {
      const reply = await firstValueFrom(
        this.client.send<TReply>(rpcSubject(this.namespace, pattern), record).pipe(timeout(timeoutMs)),
      );
      timer({ outcome: 'ok' });
      return reply;
    } catch (error) {
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

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

const RECONNECTING = /connection lost|trying to reconnect/i;

/**
 * rxjs' timeout, Nest's EmptyResponseException (no subscriber answered), or a NATS outage — also as
 * the bare string Nest's NATS client errors with while it reconnects ("Connection lost. Trying to reconnect...").
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

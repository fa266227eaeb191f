import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, MessagePattern, NatsRecordBuilder, Transport } from '@nestjs/microservices';
import type { ClientProxy } from '@nestjs/microservices';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { DomainError, domainErrorFromBody, rpcSubject, isValidNamespace } from '@sanshen/contracts';
import type { Actor, RpcRequest } from '@sanshen/contracts';
import { firstValueFrom, timeout } from 'rxjs';
import { BASE_CONFIG } from './config.js';
import type { BaseConfig } from './config.js';

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

/** Refuses a request that carries no well-formed actor: services never trust a bare message. */
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
  return actor;
}

export const SERVICE_CLIENT_TIMEOUT_MS = 10_000;

/** Request-reply to other services over NATS, with typed errors back. */
@Injectable()
export class ServiceClient implements OnApplicationShutdown {
  private readonly client: ClientProxy;
  private readonly namespace: { name: string };

  constructor(@Inject(BASE_CONFIG) config: BaseConfig) {
    this.namespace = config.namespace;
    this.client = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: config.natsUrl.split(',') } });
  }

  async send<TReply, TPayload = unknown>(
    pattern: string,
    request: RpcRequest<TPayload>,
    timeoutMs = SERVICE_CLIENT_TIMEOUT_MS,
  ): Promise<TReply> {
    const h = natsHeaders();
    h.set('X-Correlation-Id', request.correlationId);
    const record = new NatsRecordBuilder(request).setHeaders(h).build();
    try {
      return await firstValueFrom(
        this.client.send<TReply>(rpcSubject(this.namespace, pattern), record).pipe(timeout(timeoutMs)),
      );
    } catch (error) {
      const domain = domainErrorFromBody(error);
      if (domain) throw domain;
      if (isUnavailable(error)) throw new DomainError('SERVICE.UNAVAILABLE', { pattern });
      throw error instanceof Error ? error : new Error(`RPC ${pattern} failed: ${JSON.stringify(error)}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'TimeoutError' || /no responders|timeout|503/i.test(error.message);
}

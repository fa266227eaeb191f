import { Module } from '@nestjs/common';
import type { DynamicModule, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { BaseConfig } from '../core/config.js';
import { declareForBoot } from '../core/module-tree.js';
import { NATS_CONNECTION, NatsConnectionCloser, NatsReadiness, connectNats } from './nats.js';
import { RpcSignatureGuard, ServiceClient } from './rpc.js';
import { NamespacedNatsServer } from './rpc-server.js';

export interface RpcOptions {
  service: string;
  config: BaseConfig;
  /**
   * The service answers request-reply (`@RpcPattern` handlers, checked by RpcSignatureGuard): every
   * service but the gateway, which only asks. Default true.
   */
  answers?: boolean;
}

/**
 * Services talking over NATS: the shared connection (drained at shutdown, asked by readiness), a
 * ServiceClient to call the others with signed requests, and, for a service that answers, the NATS
 * server on its namespaced subjects (one queue group per service) behind RpcSignatureGuard. The
 * guard and the client take the namespace and INTERNAL_TOKEN_SECRET from the injected BASE_CONFIG
 * (CoreModule); nothing about them is process-wide. Global: EventsModule and the app use the connection.
 */
@Module({})
export class RpcModule {
  static forService(options: RpcOptions): DynamicModule {
    const { service, config } = options;
    if (config.internalTokenSecret === null) {
      throw new Error(`${service}: RpcModule needs INTERNAL_TOKEN_SECRET (load the configuration with internalRequests)`);
    }
    const answers = options.answers ?? true;
    const providers: Provider[] = [
      { provide: NATS_CONNECTION, useFactory: () => connectNats(config.natsUrl, `sanshen-${service}`) },
      NatsConnectionCloser,
      NatsReadiness,
      ServiceClient,
    ];
    if (answers) providers.push({ provide: APP_GUARD, useClass: RpcSignatureGuard });
    const module: DynamicModule = { module: RpcModule, global: true, providers, exports: [NATS_CONNECTION, ServiceClient] };
    if (!answers) return module;
    return declareForBoot(module, {
      attach: (app) =>
        app.connectMicroservice(
          {
            strategy: new NamespacedNatsServer(config.namespace, {
              servers: config.natsUrl.split(','),
              queue: `${config.namespace.name || 'sanshen'}-${service}`,
              name: `sanshen-${service}-rpc`,
            }),
          },
          { inheritAppConfig: true },
        ),
    });
  }
}

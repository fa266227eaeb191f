import { ServerNats } from '@nestjs/microservices';
import type { MessageHandler } from '@nestjs/microservices';
import { rpcSubject } from '@sanshen/contracts';
import type { Namespace } from '@sanshen/contracts';

/**
 * Nest's NATS server, answering each `@RpcPattern` on its subject in this installation's
 * namespace. The namespace comes from the configuration when the server is made at boot, not from
 * the environment when decorators load: patterns stay bare in the metadata
 * (`review.document.approve`) and are namespaced here, as ServiceClient namespaces what it sends.
 */
export class NamespacedNatsServer extends ServerNats {
  constructor(
    private readonly namespace: Namespace,
    options: { servers: string[]; queue: string; name: string },
  ) {
    super(options);
  }

  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler?: boolean, extras?: Record<string, unknown>): void {
    super.addHandler(typeof pattern === 'string' ? rpcSubject(this.namespace, pattern) : pattern, callback, isEventHandler, extras);
  }
}

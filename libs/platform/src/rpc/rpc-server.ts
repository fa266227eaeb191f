import { ServerNats } from '@nestjs/microservices';
import type { MessageHandler, NatsContext } from '@nestjs/microservices';
import { rpcSubject } from '@sanshen/contracts';
import type { Namespace } from '@sanshen/contracts';
import { SpanKind, contextFromHeaders, runInContext, startSpan, tracingEnabled } from '@sanshen/telemetry';
import type { Span } from '@sanshen/telemetry';

/**
 * Nest's NATS server, answering each `@RpcPattern` on its subject in this installation's
 * namespace. The namespace comes from the configuration when the server is made at boot, not from
 * the environment when decorators load: patterns stay bare in the metadata
 * (`review.document.approve`) and are namespaced here, as ServiceClient namespaces what it sends.
 * When the service traces, each request is handled in a SERVER span continuing the caller's
 * `traceparent` (ServiceClient puts it in the NATS headers), ended when the reply has gone.
 */
export class NamespacedNatsServer extends ServerNats {
  private readonly spans = new WeakMap<NatsContext, Span>();

  constructor(
    private readonly namespace: Namespace,
    options: { servers: string[]; queue: string; name: string },
  ) {
    super(options);
    if (tracingEnabled()) {
      this.setOnProcessingStartHook((_transport, context, done) => this.traced(context as NatsContext, done));
      this.setOnProcessingEndHook((_transport, context) => this.spans.get(context as NatsContext)?.end());
    }
  }

  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler?: boolean, extras?: Record<string, unknown>): void {
    super.addHandler(typeof pattern === 'string' ? rpcSubject(this.namespace, pattern) : pattern, callback, isEventHandler, extras);
  }

  private traced(nats: NatsContext, done: () => Promise<unknown>): Promise<unknown> {
    const subject = nats.getSubject();
    const pattern = this.namespace.name === '' ? subject : subject.slice(this.namespace.name.length + 1);
    const { span, context } = startSpan(pattern, {
      kind: SpanKind.SERVER,
      parent: contextFromHeaders(nats.getHeaders()),
      attributes: { 'rpc.system': 'nats', 'rpc.method': pattern },
    });
    this.spans.set(nats, span);
    return runInContext(context, done);
  }
}

import { context, propagation, trace } from '@opentelemetry/api';
import { setTracingEnabled } from './trace-context.js';

/** Where and how a service sends its spans (BaseConfig.tracing, from the OTEL_* variables). */
export interface TracingConfig {
  /** The OTLP/HTTP traces URL (`…/v1/traces`). */
  tracesUrl: string;
  protocol: 'http/protobuf' | 'http/json';
  /** Share of new traces kept (1 = all); a request that arrives traced follows its caller's decision. */
  sampleRatio: number;
}

interface RunningTracing {
  shutdown(): Promise<void>;
}

let running: RunningTracing | null = null;

/**
 * Starts OpenTelemetry tracing in this process: the SDK's tracer provider with a batching OTLP/HTTP
 * exporter, the AsyncLocalStorage context manager, the W3C trace-context propagator, and the
 * instrumentation of outgoing `fetch` (undici: the portal push, webhooks) — loaded only here, so a
 * service without tracing never loads the SDK. Once per process; the seams (trace-context.ts) work from then on.
 */
export async function startTracing(service: string, config: TracingConfig): Promise<void> {
  if (running !== null) return;
  const [{ TracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler }, { AsyncLocalStorageContextManager }, core, resources, semconv, undici] =
    await Promise.all([
      import('@opentelemetry/sdk-trace'),
      import('@opentelemetry/context-async-hooks'),
      import('@opentelemetry/core'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/semantic-conventions'),
      import('@opentelemetry/instrumentation-undici'),
    ]);
  const { OTLPTraceExporter } =
    config.protocol === 'http/json' ? await import('@opentelemetry/exporter-trace-otlp-http') : await import('@opentelemetry/exporter-trace-otlp-proto');
  const provider = new TracerProvider({
    resource: resources
      .resourceFromAttributes({ [semconv.ATTR_SERVICE_NAME]: service, 'service.namespace': 'sanshen' })
      .merge(resources.detectResources({ detectors: [resources.envDetector] })),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: config.tracesUrl }), scheduledDelayMillis: 1000 })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new core.W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const outgoing = new undici.UndiciInstrumentation();
  outgoing.setTracerProvider(provider);
  outgoing.enable();
  setTracingEnabled(true);
  running = {
    shutdown: async () => {
      setTracingEnabled(false);
      outgoing.disable();
      await provider.shutdown();
    },
  };
}

/** Sends the spans still buffered and stops tracing (at shutdown, after everything else has stopped). */
export async function stopTracing(): Promise<void> {
  const stopping = running;
  running = null;
  await stopping?.shutdown();
}

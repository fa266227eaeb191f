/**
 * @sanshen/telemetry — OpenTelemetry traces across our seams: `startTracing` (the SDK, loaded only when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set) and the helpers the kit and the messaging runtime use to carry
 * the W3C trace context through HTTP, NATS request-reply, the outbox and JetStream, and to make spans.
 * BullMQ carries it itself (bullmq-otel, set by the kit's QueuesModule); outgoing fetch by the undici
 * instrumentation.
 */
export {
  SpanKind,
  activeTraceId,
  contextFromHeaders,
  failSpan,
  inSpan,
  markSpanError,
  runInContext,
  startSpan,
  traceHeaders,
  tracingEnabled,
} from './trace-context.js';
export type { Context, HeaderSource, Span, SpanOptions } from './trace-context.js';
export { startTracing, stopTracing } from './sdk.js';
export type { TracingConfig } from './sdk.js';

import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes, Context, Span } from '@opentelemetry/api';

/*
 * The trace context across our own seams (HTTP edge, NATS request-reply, outbox → JetStream →
 * consumer, portal push): W3C `traceparent` in each carrier's headers, spans made here. Only the
 * OpenTelemetry API: until a service starts the SDK (startTracing, OTEL_EXPORTER_OTLP_ENDPOINT) every
 * helper returns at once, so a service without tracing does no work per request or message.
 */

export { SpanKind };
export type { Context, Span };

let enabled = false;

/** Set by startTracing once the SDK is registered (and back by stopTracing). */
export function setTracingEnabled(on: boolean): void {
  enabled = on;
}

/** Whether this process traces: the seams skip all work when it does not. */
export function tracingEnabled(): boolean {
  return enabled;
}

const tracer = () => trace.getTracer('sanshen');

/** The trace context of the active span as carrier headers (`traceparent`, `tracestate`); empty when not tracing. */
export function traceHeaders(from: Context = context.active()): Record<string, string> {
  if (!enabled) return {};
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier);
  return carrier;
}

/** Headers read one by one (NATS `MsgHdrs`, a plain record): the context they carry. */
export interface HeaderSource {
  get(name: string): string | undefined;
}

/** The remote context a carrier's headers name (the root context when they name none). */
export function contextFromHeaders(headers: HeaderSource | Record<string, string> | undefined): Context {
  if (!enabled || headers === undefined) return ROOT_CONTEXT;
  const source: HeaderSource = typeof (headers as HeaderSource).get === 'function' ? (headers as HeaderSource) : { get: (name) => (headers as Record<string, string>)[name] };
  return propagation.extract(ROOT_CONTEXT, source, {
    keys: () => ['traceparent', 'tracestate'],
    get: (carrier, key) => carrier.get(key) || undefined,
  });
}

export interface SpanOptions {
  kind: SpanKind;
  attributes?: Attributes;
  /** The parent: a remote context from a carrier's headers; default the active context. */
  parent?: Context;
  /** Whether a throw is a failure of the span (default: every throw; a refusal answered on purpose is not). */
  failed?: (error: unknown) => boolean;
}

/**
 * Runs `work` in a new span (its context active, so what `work` sends carries it), ends the span when
 * `work` settles, and marks it failed when `work` throws. Not tracing: runs `work` as it is.
 */
export function inSpan<T>(name: string, options: SpanOptions, work: (span: Span | undefined) => Promise<T>): Promise<T> {
  if (!enabled) return work(undefined);
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work(span);
    } catch (error) {
      if (options.failed?.(error) ?? true) failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Starts a span that the caller ends (an HTTP request, an RPC answered later); with the context to run under. */
export function startSpan(name: string, options: SpanOptions): { span: Span; context: Context } {
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Runs `work` with `ctx` active (and every listener of the given emitters bound to it). */
export function runInContext<T>(ctx: Context, work: () => T, ...emitters: NodeJS.EventEmitter[]): T {
  for (const emitter of emitters) context.bind(ctx, emitter);
  return context.with(ctx, work);
}

/** Records a failure on a span: the exception event and the error status. */
export function failSpan(span: Span, error: unknown): void {
  if (error instanceof Error) span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/** Marks a span failed with a message (an HTTP 5xx, a refused reply). */
export function markSpanError(span: Span, message: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}

/**
 * The trace id of the active span: the correlation id of what this process does for it, so log lines
 * and traces join. Undefined when not tracing.
 */
export function activeTraceId(): string | undefined {
  if (!enabled) return undefined;
  const span = trace.getSpan(context.active());
  const id = span?.spanContext().traceId;
  return id !== undefined && /^[0-9a-f]{32}$/.test(id) && !/^0+$/.test(id) ? id : undefined;
}

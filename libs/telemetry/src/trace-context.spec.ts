import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SpanKind, activeTraceId, contextFromHeaders, inSpan, setTracingEnabled, traceHeaders } from './trace-context.js';

describe('trace context across a seam', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const contextManager = new AsyncLocalStorageContextManager().enable();

  beforeEach(() => {
    exporter.reset();
    setTracingEnabled(false);
    trace.disable();
    context.disable();
    propagation.disable();
  });

  afterAll(() => {
    setTracingEnabled(false);
    trace.disable();
    context.disable();
    propagation.disable();
  });

  const tracing = () => {
    context.setGlobalContextManager(contextManager);
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
    setTracingEnabled(true);
  };

  it('does nothing while tracing is off: no headers, no span, no trace id', async () => {
    expect(traceHeaders()).toEqual({});
    await expect(inSpan('work', { kind: SpanKind.INTERNAL }, async (span) => (expect(span).toBeUndefined(), activeTraceId()))).resolves.toBeUndefined();
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('carries a span through headers: the far side’s span is its child, in the same trace', async () => {
    tracing();
    const carried = await inSpan('send', { kind: SpanKind.PRODUCER }, async () => ({ headers: traceHeaders(), traceId: activeTraceId() }));
    expect(carried.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    await inSpan('receive', { kind: SpanKind.CONSUMER, parent: contextFromHeaders(carried.headers) }, async () => {
      expect(activeTraceId()).toBe(carried.traceId);
    });
    const [send, receive] = exporter.getFinishedSpans();
    expect(receive?.spanContext().traceId).toBe(send?.spanContext().traceId);
    expect(receive?.parentSpanContext?.spanId).toBe(send?.spanContext().spanId);
  });

  it('starts a new trace from headers that carry none, and marks a span that throws', async () => {
    tracing();
    await expect(inSpan('fails', { kind: SpanKind.INTERNAL, parent: contextFromHeaders({}) }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const [failed] = exporter.getFinishedSpans();
    expect(failed?.parentSpanContext).toBeUndefined();
    expect(failed?.status.code).toBe(2);
    expect(failed?.events.map((event) => event.name)).toEqual(['exception']);
  });
});

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { clearSecrecy, draftArticle, signInCast, waitForPublication } from './support/publication-flow.js';
import type { Cast, Drafted } from './support/publication-flow.js';
import { ROOT, freePort, startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/**
 * OpenTelemetry across the whole system: every service exports OTLP/HTTP (JSON) to a stub collector
 * here, and one step a person takes is one trace — the gateway's request, the RPC to the owning
 * service, the relay's publish of its event, the next services' consumers, publication's BullMQ job
 * and its push to the portal, each span under the one that caused it — whose trace id is the request's
 * correlation id (X-Correlation-Id, and every log line of the path).
 */

/** OTLP span kinds (opentelemetry-proto trace.proto). */
const KIND = { server: 2, client: 3, producer: 4, consumer: 5 } as const;

interface CollectedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
}

interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number }[] }[];
  }[];
}

const spans: CollectedSpan[] = [];
let collector: Server;
let system: RunningSystem;
let cast: Cast;

/** A stub OTLP/HTTP collector: takes JSON trace exports, keeps every span with its service's name. */
async function startCollector(port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
        for (const resource of body.resourceSpans ?? []) {
          const service = resource.resource?.attributes?.find((attribute) => attribute.key === 'service.name')?.value.stringValue ?? '?';
          for (const scope of resource.scopeSpans ?? []) {
            for (const span of scope.spans ?? []) spans.push({ service, ...span, parentSpanId: span.parentSpanId ?? '' });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

/** The spans of one trace, once `ready` finds what the test needs among them (exports are batched). */
async function traceOf(traceId: string, what: string, ready: (trace: CollectedSpan[]) => boolean): Promise<CollectedSpan[]> {
  return waitFor(
    async () => {
      const trace = spans.filter((span) => span.traceId === traceId);
      return ready(trace) ? trace : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 250, what },
  );
}

const find = (trace: CollectedSpan[], service: string, kind: number, name: string | RegExp) =>
  trace.find((span) => span.service === service && span.kind === kind && (typeof name === 'string' ? span.name === name : name.test(span.name)));

/** The span `service` made of `kind` named `name`, whose parent is `parent` (fails naming what it found instead). */
function childOf(trace: CollectedSpan[], parent: CollectedSpan | undefined, service: string, kind: number, name: string | RegExp): CollectedSpan {
  expect(parent, `parent of ${service} ${String(name)}`).toBeDefined();
  const children = trace.filter((span) => span.parentSpanId === parent!.spanId);
  const found = children.find((span) => span.service === service && span.kind === kind && (typeof name === 'string' ? span.name === name : name.test(span.name)));
  expect(found, `${service} ${String(name)} under ${parent!.service} ${parent!.name}; its children: ${children.map((span) => `${span.service} ${span.name}`).join(', ')}`).toBeDefined();
  return found!;
}

beforeAll(async () => {
  const port = await freePort();
  collector = await startCollector(port);
  // Per-event lines ("event published", "event handled") are debug: off the hot path at info.
  system = await startSystem({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', LOG_LEVEL: 'debug' });
  cast = await signInCast(system);
});

afterAll(async () => {
  await system?.stop();
  await new Promise((resolve) => collector?.close(resolve));
});

describe('traces (OpenTelemetry, OTLP)', () => {
  let drafted: Drafted;
  let approvalTraceId: string;
  let clearanceTraceId: string;

  it('answers with the trace id as the correlation id', async () => {
    drafted = await draftArticle(cast);
    const submitted = await cast.drafter.post(`/api/v1/documents/${drafted.id}/submit`, { version: drafted.version });
    expect(submitted.status).toBe(200);
    const approved = await waitFor(
      async () => {
        const response = await cast.head.post(`/api/v1/documents/${drafted.id}/approve`, { version: drafted.version, comment: '同意' });
        return response.status === 200 ? response : undefined;
      },
      { timeoutMs: 20_000, what: 'the first-level approval' },
    );
    approvalTraceId = approved.headers['x-correlation-id'] as string;
    expect(approvalTraceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('makes one approval one trace: gateway → review → its event → the consumers of the next services', async () => {
    const trace = await traceOf(
      approvalTraceId,
      'the approval’s spans',
      (spans) =>
        find(spans, 'gateway', KIND.server, /approve$/) !== undefined &&
        ['drafting', 'audit'].every((service) => find(spans, service, KIND.consumer, 'process document.approved_l1') !== undefined),
    );
    const http = find(trace, 'gateway', KIND.server, 'POST /api/v1/documents/:id/approve');
    expect(http?.parentSpanId, 'the request starts the trace').toBe('');
    const call = childOf(trace, http, 'gateway', KIND.client, 'review.document.approve');
    const answered = childOf(trace, call, 'review', KIND.server, 'review.document.approve');
    const published = childOf(trace, answered, 'review', KIND.producer, 'publish document.approved_l1');
    childOf(trace, published, 'drafting', KIND.consumer, 'process document.approved_l1');
    childOf(trace, published, 'audit', KIND.consumer, 'process document.approved_l1');
    // A decision review lets through needs no visibility check of drafting: only a refusal asks it.
    expect(trace.filter((span) => span.name === 'drafting.document.access').map((span) => span.service)).toEqual([]);
  });

  it('follows a secrecy clearance to the portal: consumer, BullMQ job, push and the portal’s receipt in one trace', async () => {
    for (const reviewer of [cast.deputy, cast.principal]) {
      await waitFor(
        async () => {
          const response = await reviewer.post(`/api/v1/documents/${drafted.id}/approve`, { version: drafted.version, comment: '同意' });
          return response.status === 200 ? response : undefined;
        },
        { timeoutMs: 20_000, what: `${reviewer.username} to approve` },
      );
    }
    const cleared = await clearSecrecy(cast, drafted.id, drafted.version);
    clearanceTraceId = cleared.headers['x-correlation-id'] as string;
    await waitForPublication(cast.drafter, drafted.id, (publication) => publication.state === 'published', 'the portal receipt');

    const trace = await traceOf(clearanceTraceId, 'the clearance’s spans down to the portal', (spans) =>
      find(spans, 'gateway', KIND.server, /decision$/) !== undefined &&
      find(spans, 'portal', KIND.server, 'POST /api/push') !== undefined &&
      find(spans, 'publication', KIND.producer, 'publish document.published') !== undefined,
    );
    const http = find(trace, 'gateway', KIND.server, /^POST \/api\/v1\/documents\/:id\/secrecy\/decision$/);
    expect(http?.parentSpanId).toBe('');
    const call = childOf(trace, http, 'gateway', KIND.client, /^secrecy\./);
    const answered = childOf(trace, call, 'secrecy', KIND.server, call.name);
    const published = childOf(trace, answered, 'secrecy', KIND.producer, 'publish document.secrecy_cleared');
    const consumed = childOf(trace, published, 'publication', KIND.consumer, 'process document.secrecy_cleared');
    const queued = childOf(trace, consumed, 'publication', KIND.producer, /^add publication-push\./);
    const jobs = trace.filter((span) => span.service === 'publication' && span.kind === KIND.consumer && span.parentSpanId === queued.spanId);
    expect(jobs.map((span) => span.name)).toContain('process publication-push');
    // The job asks drafting for the content (RPC), then POSTs it to the portal (fetch).
    const job = jobs.find((span) => trace.some((child) => child.parentSpanId === span.spanId && child.kind === KIND.client && child.name === 'POST'));
    childOf(trace, job, 'publication', KIND.client, 'drafting.version.get');
    const push = childOf(trace, job, 'publication', KIND.client, 'POST');
    childOf(trace, push, 'portal', KIND.server, 'POST /api/push');
    // The portal's receipt moves the document on: publication's own event, in the same trace.
    expect(trace.filter((span) => span.name === 'publish document.published').map((span) => span.service)).toEqual(['publication']);
  });

  it('writes the trace id as the correlation id of every log line on the path', () => {
    const lines = (app: string) =>
      readFileSync(`${ROOT}.run/e2e-logs/${system.namespace}/${app}.log`, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string; correlationId?: string; eventType?: string; rpc?: { pattern?: string } });
    const ofTrace = (app: string) => lines(app).filter((line) => line.correlationId === approvalTraceId);
    expect(ofTrace('review').some((line) => line.rpc?.pattern === 'review.document.approve')).toBe(true);
    expect(ofTrace('review').some((line) => line.msg === 'event published' && line.eventType === 'document.approved_l1')).toBe(true);
    for (const app of ['drafting', 'audit', 'gateway']) {
      expect(ofTrace(app).some((line) => line.msg === 'event handled' && line.eventType === 'document.approved_l1'), app).toBe(true);
    }
  });

  it('starts a new trace for each request', () => {
    expect(clearanceTraceId).toMatch(/^[0-9a-f]{32}$/);
    expect(clearanceTraceId).not.toBe(approvalTraceId);
  });
});

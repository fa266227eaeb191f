import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, Server } from 'node:http';
import { SpanKind, contextFromHeaders, markSpanError, runInContext, startSpan, tracingEnabled } from '@sanshen/telemetry';
import type { Span } from '@sanshen/telemetry';

/** Probes and scrapes make no spans: they would bury the requests people make. */
const UNTRACED = /^\/(health(\/|\?|$)|metrics(\?|$))/;
const spans = new WeakMap<IncomingMessage, Span>();

/**
 * The HTTP edge of a traced service: Fastify's server, each request run in a SERVER span that
 * continues the caller's `traceparent` (the portal's continues publication's push), with the request
 * and response emitters bound to it so body parsing, guards, handlers and every call they make run
 * inside it. Undefined when the service does not trace: Fastify makes its own server, untouched.
 */
export function tracedServerFactory(): ((handler: RequestListener) => Server) | undefined {
  if (!tracingEnabled()) return undefined;
  return (handler) =>
    createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      if (UNTRACED.test(path)) return handler(request, response);
      const method = request.method ?? 'GET';
      const { span, context } = startSpan(`${method} ${path}`, {
        kind: SpanKind.SERVER,
        parent: contextFromHeaders(request.headers as Record<string, string>),
        attributes: { 'http.request.method': method, 'url.path': path },
      });
      spans.set(request, span);
      response.once('close', () => span.end());
      runInContext(context, () => handler(request, response), request, response);
    });
}

/** Names a request's span by its route pattern (bounded names) and records the status, once the route is known. */
export function describeHttpSpan(request: IncomingMessage, method: string, route: string, statusCode: number): void {
  const span = spans.get(request);
  if (span === undefined) return;
  span.updateName(`${method} ${route}`);
  span.setAttributes({ 'http.route': route, 'http.response.status_code': statusCode });
  if (statusCode >= 500) markSpanError(span, `HTTP ${statusCode}`);
}

import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiOperation } from '@nestjs/swagger';
import type { ErrorCode } from '@sanshen/kernel';

/** What a route answers on success, as an example; the OpenAPI schema is read off the example. */
export type RouteAnswer =
  /** JSON (`application/json`). */
  | { json: unknown }
  /** A printable page (`text/html`), and with `?format=json` the same data as JSON. */
  | { html: string; json?: unknown }
  /** JSON Lines (`application/x-ndjson`). */
  | { ndjson: string }
  /** Server-sent events (`text/event-stream`). */
  | { events: string }
  /** A file's bytes, in one of these media types (附件下载). */
  | { file: readonly string[] }
  /** No body (204). */
  | { empty: true };

/** The documentation of one route: the one place its summary, answer and error codes are written. */
export interface RouteDoc {
  /** 简短的中文标题. */
  summary: string;
  /** 中文说明：谁可以调用、做什么、有何规则. */
  description: string;
  answer: RouteAnswer;
  /**
   * The codes this route itself can refuse with (the use case's and the guards' it passes through).
   * The edge's codes — sign-in, rate limits, outages, malformed input — are added from the
   * operation's shape (openapi/route-docs.ts).
   */
  errors: readonly ErrorCode[];
}

export const ROUTE_DOC = 'x-sanshen-route';

/** Documents a gateway route in the OpenAPI document (rendered by `renderRouteDocs`). */
export function ApiRoute(doc: RouteDoc): MethodDecorator {
  return applyDecorators(ApiOperation({ summary: doc.summary, description: doc.description }), ApiExtension(ROUTE_DOC, { answer: doc.answer, errors: doc.errors }));
}

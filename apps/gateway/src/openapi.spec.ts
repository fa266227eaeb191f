import 'reflect-metadata';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { DomainError, isErrorCode } from '@sanshen/kernel';
import { httpStatusOf } from '@sanshen/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_BODY } from './adapters/http/openapi/route-docs.js';
import { GATEWAY_CONTROLLERS } from './gateway.module.js';
import { buildOpenApiDocument } from './openapi.js';

/**
 * The API documents itself (issue #16): every operation of the OpenAPI document the gateway serves
 * has a Chinese summary and description, a success answer with its schema and an example, the
 * ErrorBody responses of every error code it can return (codes of ERROR_CATALOGUE, each under its
 * status, with an example), and an example of its JSON request body. Built from the gateway's
 * controllers alone, with every dependency a stub: no service, database or broker is needed.
 */

interface Media {
  schema?: { $ref?: string; allOf?: { $ref?: string }[]; properties?: { code?: { enum?: string[] } }; example?: unknown };
  example?: unknown;
  examples?: Record<string, { value?: { code?: string } }>;
}
interface Operation {
  summary?: string;
  description?: string;
  responses?: Record<string, { content?: Record<string, Media> }>;
  requestBody?: { content?: Record<string, Media> };
  'x-error-codes'?: string[];
}

const HAN = /\p{Script=Han}/u;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** What an operation lacks; empty when it is fully documented. */
function gaps(operation: Operation, document: OpenAPIObject): string[] {
  const missing: string[] = [];
  if (!HAN.test(operation.summary ?? '')) missing.push('a Chinese summary');
  if (!HAN.test(operation.description ?? '')) missing.push('a Chinese description');
  const responses = Object.entries(operation.responses ?? {});
  const success = responses.filter(([status]) => status.startsWith('2'));
  if (success.length !== 1) missing.push('one success response');
  for (const [status, response] of success) {
    if (status === '204') continue;
    const media = Object.values(response.content ?? {});
    if (media.length === 0) missing.push('a success answer');
    if (media.some((entry) => entry.schema === undefined)) missing.push('a success schema');
    if (media.some((entry) => entry.example === undefined && entry.schema?.example === undefined)) missing.push('a success example');
  }
  const codes = operation['x-error-codes'] ?? [];
  if (codes.length === 0) missing.push('its error codes');
  for (const code of codes) {
    if (!isErrorCode(code)) {
      missing.push(`a catalogue code (not ${code})`);
      continue;
    }
    const media = operation.responses?.[String(httpStatusOf(new DomainError(code)))]?.content?.['application/json'];
    if (media?.schema?.allOf?.[0]?.$ref !== `#/components/schemas/${ERROR_BODY}`) missing.push(`the ErrorBody response of ${code}`);
    if (!media?.schema?.properties?.code?.enum?.includes(code)) missing.push(`${code} among its status's codes`);
    if (media?.examples?.[code]?.value?.code !== code) missing.push(`an example of ${code}`);
  }
  if (responses.some(([status]) => !status.startsWith('2') && !codes.some((code) => isErrorCode(code) && String(httpStatusOf(new DomainError(code))) === status))) {
    missing.push('error responses that match its codes');
  }
  const body = operation.requestBody?.content?.['application/json']?.schema;
  if (body !== undefined) {
    const resolved = body.$ref === undefined ? body : (document.components?.schemas?.[body.$ref.split('/').pop()!] as Media['schema']);
    if (resolved?.example === undefined) missing.push('an example request body');
  }
  return missing;
}

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const module = await Test.createTestingModule({ controllers: [...GATEWAY_CONTROLLERS] })
      .useMocker(() => ({}))
      .compile();
    const app = module.createNestApplication(new FastifyAdapter(), { logger: false });
    document = buildOpenApiDocument(app);
    close = () => app.close();
  });

  afterAll(async () => {
    await close?.();
  });

  it('documents every route: Chinese summary and description, answer schema and example, error codes with ErrorBody, request example', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => method in item).map((method) => ({ name: `${method.toUpperCase()} ${path}`, operation: (item as Record<string, Operation>)[method]! })),
    );
    expect(operations.length).toBeGreaterThan(70);
    const undocumented = operations.map(({ name, operation }) => ({ name, missing: gaps(operation, document) })).filter((entry) => entry.missing.length > 0);
    expect(undocumented).toEqual([]);
  });

  it('describes the error shape once', () => {
    expect(document.components?.schemas?.[ERROR_BODY]).toMatchObject({ required: ['code', 'message', 'correlationId'] });
  });
});

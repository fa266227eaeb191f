import type { OpenAPIObject } from '@nestjs/swagger';
import { DomainError, ERROR_CATALOGUE } from '@sanshen/kernel';
import type { ErrorCode } from '@sanshen/kernel';
import { httpStatusOf } from '@sanshen/platform';
import { ROUTE_DOC } from './api-route.js';
import type { RouteAnswer, RouteDoc } from './api-route.js';
import { schemaOf } from './schema-of.js';

type Json = Record<string, unknown>;

interface Operation {
  responses?: Record<string, unknown>;
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
  [ROUTE_DOC]?: Pick<RouteDoc, 'answer' | 'errors'>;
  'x-error-codes'?: ErrorCode[];
}

export const ERROR_BODY = 'ErrorBody';
const ERROR_BODY_REF = `#/components/schemas/${ERROR_BODY}`;

/** `{code, message, details?, correlationId}`: every refusal of the API (docs/api.md). */
const ERROR_BODY_SCHEMA = {
  type: 'object',
  description: '错误应答：HTTP 状态由错误代码的类别决定',
  required: ['code', 'message', 'correlationId'],
  properties: {
    code: { type: 'string', description: '稳定的错误代码（libs/kernel 的 ERROR_CATALOGUE），永不改名', example: 'DOCUMENT.NOT_FOUND' },
    message: { type: 'string', description: '给人看的中文说明', example: ERROR_CATALOGUE['DOCUMENT.NOT_FOUND'].message },
    details: { type: 'object', additionalProperties: true, description: '细节，依错误代码而定（如 REQUEST.INVALID 的 errors）' },
    correlationId: { type: 'string', description: '关联 ID（X-Correlation-Id），排查问题时提供', example: '5f0c2a7e-1b3d-4c5e-8f9a-0b1c2d3e4f5a' },
  },
};

/** The edge's own refusals, by what the operation has (docs/api.md "Conventions", "Input policy"). */
const EDGE_CODES = {
  every: ['REQUEST.RATE_LIMITED', 'SERVICE.UNAVAILABLE'],
  signedIn: ['AUTH.UNAUTHENTICATED', 'AUTH.TOKEN_INVALID', 'AUTH.PASSWORD_CHANGE_REQUIRED'],
  signedInWrite: ['AUTH.CSRF_INVALID'],
  input: ['REQUEST.INVALID', 'REQUEST.TEXT_INVALID'],
  body: ['REQUEST.UNSUPPORTED_MEDIA_TYPE', 'REQUEST.JSON_TOO_DEEP', 'REQUEST.TOO_LARGE'],
} as const satisfies Record<string, readonly ErrorCode[]>;

/** Details shown in the examples of the codes whose details a client reads. */
const EXAMPLE_DETAILS: Partial<Record<ErrorCode, Json>> = {
  'REQUEST.INVALID': { errors: [{ field: 'version', problems: ['无效输入：期望 number，实际接收 string'] }] },
  'REQUEST.TEXT_INVALID': { field: 'title', violation: 'bidi_control', index: 2, codePoint: 'U+202E' },
  'REQUEST.RATE_LIMITED': { retryAfterSeconds: 30 },
  'SERVICE.UNAVAILABLE': { retryAfterSeconds: 5, service: 'drafting' },
};

const STATUS_TEXT: Record<number, string> = {
  400: '请求不正确',
  401: '未登录或登录已失效',
  403: '无权执行',
  404: '不存在或无权查看',
  409: '与当前状态冲突',
  413: '内容过大',
  415: '内容类型不受支持',
  422: '无法处理',
  429: '请求过于频繁或账户已锁定',
  503: '服务暂时不可用，请按 Retry-After 重试',
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Renders every `@ApiRoute` of the document: the success answer (schema and example) and one
 * response per error status, each listing its codes with the ErrorBody shape and an example per
 * code; `x-error-codes` lists them all. An operation without `@ApiRoute` is left as it is (the
 * OpenAPI test fails on it).
 */
export function renderRouteDocs(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, [ERROR_BODY]: ERROR_BODY_SCHEMA } };
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (path as Record<string, Operation | undefined>)[method];
      const doc = operation?.[ROUTE_DOC];
      if (operation === undefined || doc === undefined) continue;
      delete operation[ROUTE_DOC];
      const codes = errorCodesOf(operation, method, doc.errors);
      const status = Object.keys(operation.responses ?? {}).find((key) => key.startsWith('2')) ?? '200';
      operation.responses = { [status]: successResponse(doc.answer), ...errorResponses(codes) };
      operation['x-error-codes'] = codes;
    }
  }
  return document;
}

function errorCodesOf(operation: Operation, method: string, own: readonly ErrorCode[]): ErrorCode[] {
  const signedIn = (operation.security ?? []).length > 0;
  const codes: ErrorCode[] = [
    ...(signedIn ? EDGE_CODES.signedIn : []),
    ...(signedIn && method !== 'get' ? EDGE_CODES.signedInWrite : []),
    ...((operation.parameters ?? []).length > 0 || operation.requestBody !== undefined ? EDGE_CODES.input : []),
    ...(operation.requestBody !== undefined ? EDGE_CODES.body : []),
    ...own,
    ...EDGE_CODES.every,
  ];
  return [...new Set(codes)];
}

function successResponse(answer: RouteAnswer): Json {
  if ('empty' in answer) return { description: '成功，无应答内容' };
  const content: Json = {};
  if ('html' in answer) content['text/html'] = { schema: { type: 'string' }, example: answer.html };
  if ('ndjson' in answer) content['application/x-ndjson'] = { schema: { type: 'string' }, example: answer.ndjson };
  if ('events' in answer) content['text/event-stream'] = { schema: { type: 'string' }, example: answer.events };
  if ('file' in answer) for (const mediaType of answer.file) content[mediaType] = { schema: { type: 'string', format: 'binary' }, example: '（文件的原始字节）' };
  if ('json' in answer && answer.json !== undefined) content['application/json'] = { schema: schemaOf(answer.json), example: answer.json };
  return { description: '成功', content };
}

function errorResponses(codes: readonly ErrorCode[]): Record<string, Json> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = httpStatusOf(new DomainError(code));
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, Json> = {};
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: `${STATUS_TEXT[status] ?? '错误'}：${group.join('、')}`,
      content: {
        'application/json': {
          schema: { allOf: [{ $ref: ERROR_BODY_REF }], properties: { code: { type: 'string', enum: group } } },
          examples: Object.fromEntries(group.map((code) => [code, { summary: ERROR_CATALOGUE[code].message, value: exampleBody(code) }])),
        },
      },
    };
  }
  return responses;
}

function exampleBody(code: ErrorCode): Json {
  const details = EXAMPLE_DETAILS[code];
  return { code, message: ERROR_CATALOGUE[code].message, ...(details === undefined ? {} : { details }), correlationId: ERROR_BODY_SCHEMA.properties.correlationId.example };
}

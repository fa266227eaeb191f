/**
 * Stable error codes. `kind` decides the HTTP status at the gateway; `message` is the Chinese text
 * for people. Codes are a contract: never rename one.
 */
export type ErrorKind =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export const ERROR_CATALOGUE = {
  'REQUEST.INVALID': { kind: 'invalid_input', message: '请求参数不正确' },
  'REQUEST.TOO_LARGE': { kind: 'too_large', message: '请求内容过大' },
  'REQUEST.RATE_LIMITED': { kind: 'rate_limited', message: '请求过于频繁，请稍后再试' },
  'ROUTE.NOT_FOUND': { kind: 'not_found', message: '请求的地址不存在' },
  'AUTH.UNAUTHENTICATED': { kind: 'unauthenticated', message: '请先登录' },
  'AUTH.INVALID_CREDENTIALS': { kind: 'unauthenticated', message: '用户名或密码错误' },
  'AUTH.TOKEN_INVALID': { kind: 'unauthenticated', message: '登录凭证无效或已过期，请重新登录' },
  'AUTH.FORBIDDEN': { kind: 'forbidden', message: '没有执行此操作的权限' },
  'ACTOR.INVALID': { kind: 'unauthenticated', message: '请求缺少有效的操作人信息' },
  'DOCUMENT.NOT_FOUND': { kind: 'not_found', message: '文档不存在或无权查看' },
  'DOCUMENT.VERSION_CONFLICT': { kind: 'conflict', message: '文档已被他人修改，请刷新后重试' },
  'DOCUMENT.INVALID_TRANSITION': { kind: 'conflict', message: '文档当前状态不允许此操作' },
  'DOCUMENT.ROLE_NOT_ALLOWED': { kind: 'forbidden', message: '您的角色不能执行此操作' },
  'DOCUMENT.NOT_IN_SCOPE': { kind: 'forbidden', message: '该文档不属于您负责的单位或科室' },
  'DOCUMENT.HASH_MISMATCH': { kind: 'conflict', message: '文档内容与签署时的内容不一致' },
  'DOCUMENT.NOT_EDITABLE': { kind: 'conflict', message: '文档不在草稿状态，不能修改' },
  'REVIEW.SELF_APPROVAL': { kind: 'forbidden', message: '不能审核本人起草的文档' },
  'REVIEW.ALREADY_SIGNED': { kind: 'forbidden', message: '同一版本每人只能签署一个审核环节' },
  'REVIEW.TASK_NOT_FOUND': { kind: 'not_found', message: '没有待办的审核任务' },
  'REVIEW.REASON_REQUIRED': { kind: 'invalid_input', message: '退回必须填写理由' },
  'SECRECY.CASE_NOT_FOUND': { kind: 'not_found', message: '该文档没有待保密审查的记录' },
  'SECRECY.REVIEWER_SIGNED': { kind: 'forbidden', message: '已签署该版本审核环节的人员不能进行保密审查' },
  'PUBLICATION.NOT_FOUND': { kind: 'not_found', message: '该文档没有发布记录' },
  'PUBLICATION.HASH_MISMATCH': { kind: 'conflict', message: '待发布内容与审核签署的内容不一致，已拒绝发布' },
  'PORTAL.SIGNATURE_INVALID': { kind: 'unauthenticated', message: '推送签名无效' },
  'PORTAL.PUSH_STALE': { kind: 'invalid_input', message: '推送已过期' },
  'AUDIT.FORBIDDEN': { kind: 'forbidden', message: '没有查看审计记录的权限' },
  'PORTAL.IDEMPOTENCY_KEY_INVALID': { kind: 'invalid_input', message: 'Idempotency-Key 缺失或与 publicationId 不一致' },
  'PORTAL.IDEMPOTENCY_KEY_REUSED': { kind: 'conflict', message: '该 Idempotency-Key 已用于另一份推送内容' },
  'PORTAL.VERSION_CONFLICT': { kind: 'conflict', message: '该文档的同一版本已以不同内容发布' },
  'PORTAL.DOCUMENT_RETRACTED': { kind: 'conflict', message: '该文档已撤稿，不再接受推送' },
  'PORTAL.PAGE_NOT_FOUND': { kind: 'not_found', message: '页面不存在' },
  'SERVICE.UNAVAILABLE': { kind: 'unavailable', message: '服务暂时不可用，请稍后再试' },
  'INTERNAL': { kind: 'internal', message: '系统内部错误' },
} as const satisfies Record<string, { kind: ErrorKind; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The shape of an error on the wire (NATS replies and HTTP bodies). */
export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * A rule refused the request. Use cases throw it; the RPC layer sends it as {code, message, details};
 * the gateway maps its kind to an HTTP status. Not for bugs: those stay plain Errors.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, details?: Record<string, unknown>, message?: string) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  get kind(): ErrorKind {
    return ERROR_CATALOGUE[this.code].kind;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOGUE, value);
}

/** Rebuilds a DomainError from a wire body (an RPC reply); null when the body is not one of ours. */
export function domainErrorFromBody(body: unknown): DomainError | null {
  if (typeof body !== 'object' || body === null) return null;
  const { code, message, details } = body as Partial<ErrorBody>;
  if (!isErrorCode(code)) return null;
  return new DomainError(code, details, typeof message === 'string' ? message : undefined);
}

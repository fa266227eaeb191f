import { PORTAL_PUSH_MAX_CLOCK_SKEW_MS } from '@sanshen/contracts';
import type { PortalPush, PortalRetract } from '@sanshen/contracts';
import { ATTACHMENT_TYPES, DOCUMENT_KINDS, DomainError, OPENNESS, attachmentFilename, verifyPortalSignature } from '@sanshen/kernel';
import { z } from 'zod';

/** Ids end up in addresses and in pages: a conservative token, which UUIDs and slugs satisfy. */
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'an id of letters, digits and . _ : -');
const text = (max: number) => z.string().trim().min(1).max(max);

/** The 政府信息公开目录 entry (optional: pushes from before it are accepted). */
const catalogueSchema = z.object({
  indexNumber: text(100),
  publisher: text(200),
  columnCode: text(50),
  columnName: text(100),
  writtenOn: z.iso.date(),
  documentNumber: text(100).nullable(),
  topic: text(100),
  openness: z.enum(OPENNESS),
});

const MEDIA_TYPES = Object.values(ATTACHMENT_TYPES).map((type) => type.mediaType) as [string, ...string[]];

const attachment = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 hex digits'),
  filename: z.string().refine((name) => attachmentFilename(name) === name, 'a file name without a path, at most 120 characters'),
  mediaType: z.enum(MEDIA_TYPES),
  size: z.number().int().min(1),
});

/** Unknown members are ignored (a sender may add optional fields before the portal knows them). */
const pushSchema = z
  .object({
    publicationId: id,
    documentId: id,
    version: z.number().int().min(1).max(1_000_000),
    contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'sha256:<64 hex digits>'),
    kind: z.enum(DOCUMENT_KINDS),
    agency: z.object({ id, name: text(200) }),
    title: text(500),
    html: z.string().max(1_048_576),
    data: z.unknown().optional(),
    publishedAt: z.iso.datetime({ offset: true }),
    column: text(100).optional(),
    year: z.number().int().min(1990).max(2100).nullable().optional(),
    catalogue: catalogueSchema.optional(),
    attachments: z.array(attachment).max(50).optional(),
  })
  .refine((push) => push.kind !== 'annual_report' || typeof push.year === 'number', {
    message: 'an annual report needs its year',
    path: ['year'],
  });

const retractSchema = z.object({ documentId: id, publicationId: id, reason: text(500) });

/** A POST to /api/push or /api/retract as it arrived: the exact bytes and the two headers. */
export interface SignedRequest {
  rawBody: Uint8Array;
  signature: unknown;
  idempotencyKey: unknown;
}

export function openPush(request: SignedRequest, secret: string): PortalPush {
  const push = open(pushSchema, request, secret);
  return { ...push, data: push.data ?? null };
}

export function openRetract(request: SignedRequest, secret: string): PortalRetract {
  return open(retractSchema, request, secret);
}

/**
 * The signature first, over the raw bytes and before anything reads them; then the body; then the
 * Idempotency-Key, which must name the body's publication.
 */
function open<T extends z.ZodType<{ publicationId: string }>>(schema: T, request: SignedRequest, secret: string): z.infer<T> {
  if (!verifyPortalSignature(request.rawBody, request.signature, secret)) throw new DomainError('PORTAL.SIGNATURE_INVALID');
  const body = parse(schema, request.rawBody);
  if (request.idempotencyKey !== body.publicationId) throw new DomainError('PORTAL.IDEMPOTENCY_KEY_INVALID');
  return body;
}

/** JSON, then the schema; anything wrong is REQUEST.INVALID with the problems listed. */
function parse<T extends z.ZodType>(schema: T, rawBody: Uint8Array): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(rawBody).toString('utf8'));
  } catch {
    throw new DomainError('REQUEST.INVALID', { problems: ['body: not valid JSON'] }, '请求体不是有效的 JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    throw new DomainError('REQUEST.INVALID', { problems }, '推送内容不符合约定格式');
  }
  return parsed.data;
}

/** A push signed more than the allowed clock skew away from now is refused (a replayed or stale request). */
export function assertFresh(push: PortalPush, now: Date): void {
  const skewMs = Math.abs(Date.parse(push.publishedAt) - now.getTime());
  if (skewMs > PORTAL_PUSH_MAX_CLOCK_SKEW_MS) {
    throw new DomainError(
      'PORTAL.PUSH_STALE',
      { reason: 'clock_skew', publishedAt: push.publishedAt, serverTime: now.toISOString() },
      '推送时间与门户服务器时间相差超过 10 分钟，请以当前时间重新签名后推送',
    );
  }
}

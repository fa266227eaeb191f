import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PORTAL_IDEMPOTENCY_HEADER, PORTAL_SIGNATURE_HEADER } from '@sanshen/contracts';
import type { PortalPush, PortalRetract } from '@sanshen/contracts';
import type { PortalAttachment } from '@sanshen/contracts';
import { portalSignature } from '@sanshen/kernel';
import { BLOB_STORE } from '@sanshen/platform/core';
import type { BlobStore } from '@sanshen/platform/core';
import { PUBLICATION_CONFIG } from '../config/publication.config.js';
import type { PublicationConfig } from '../config/publication.config.js';
import type { PortalPushOutcome, PortalRetractOutcome, PortalTarget } from '../use-cases/push-publication/portal-target.js';

export const PORTAL_PUSH_TIMEOUT_MS = 10_000;

/** The bundled portal (apps/portal): POST {PORTAL_URL}/api/push, signed, keyed by publication id. */
@Injectable()
export class SanshenPortalTarget implements PortalTarget {
  readonly name = 'sanshen-portal';

  constructor(
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
    @Inject(BLOB_STORE) private readonly attachments: BlobStore,
  ) {}

  async push(push: PortalPush): Promise<PortalPushOutcome> {
    for (const attachment of push.attachments ?? []) {
      const uploaded = await this.upload(attachment);
      if (!uploaded.ok) return uploaded;
    }
    const answer = await this.post('/api/push', push, push.publicationId);
    if (!answer.ok) return answer;
    const { status, text } = answer;
    if (status >= 200 && status < 300) return this.receiptFrom(push, status, text);
    const detail = text.slice(0, 300);
    if (status === 429 || status >= 500) {
      return { ok: false, kind: 'retryable', httpStatus: status, error: `门户暂时不可用（HTTP ${status}）${detail}` };
    }
    return { ok: false, kind: 'permanent', httpStatus: status, error: `门户拒绝推送（HTTP ${status}）${detail}` };
  }

  async retract(retract: PortalRetract): Promise<PortalRetractOutcome> {
    const answer = await this.post('/api/retract', retract, retract.publicationId);
    if (!answer.ok) return answer;
    const { status, text } = answer;
    if (status >= 200 && status < 300) {
      let body: { url?: unknown; retractedAt?: unknown };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        body = {};
      }
      const retractedAt = typeof body.retractedAt === 'string' && !Number.isNaN(Date.parse(body.retractedAt)) ? body.retractedAt : new Date().toISOString();
      return { ok: true, httpStatus: status, receipt: { url: typeof body.url === 'string' ? body.url : '', retractedAt } };
    }
    const detail = text.slice(0, 300);
    if (status === 429 || status >= 500) {
      return { ok: false, kind: 'retryable', httpStatus: status, error: `门户暂时不可用（HTTP ${status}）${detail}` };
    }
    return { ok: false, kind: 'permanent', httpStatus: status, error: `门户拒绝撤稿（HTTP ${status}）${detail}` };
  }

  async preview(push: PortalPush): Promise<{ ok: true; html: string } | { ok: false; error: string }> {
    const answer = await this.post('/api/preview', push, push.publicationId);
    if (!answer.ok) return { ok: false, error: answer.error };
    if (answer.status === 200) return { ok: true, html: answer.text };
    return { ok: false, error: `门户无法预览（HTTP ${answer.status}）${answer.text.slice(0, 300)}` };
  }

  /**
   * PUT {PORTAL_URL}/api/attachments/<sha256>: the bytes from the attachment store, signed like a push,
   * before the push that lists them (idempotent: the portal keeps one copy per hash). Bytes that no
   * longer hash to their name are never sent (permanent); a store or portal outage is retried.
   */
  private async upload(attachment: PortalAttachment): Promise<{ ok: true } | Extract<PortalPushOutcome, { ok: false }>> {
    let bytes: Uint8Array | null;
    try {
      bytes = await this.attachments.get(attachment.sha256);
    } catch (error) {
      return { ok: false, kind: 'retryable', httpStatus: null, error: `附件存储不可用：${describe(error)}` };
    }
    if (bytes === null || createHash('sha256').update(bytes).digest('hex') !== attachment.sha256) {
      return { ok: false, kind: 'permanent', httpStatus: null, error: `附件《${attachment.filename}》在附件存储中缺失或已损坏` };
    }
    const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${this.config.portalUrl}/api/attachments/${attachment.sha256}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', [PORTAL_SIGNATURE_HEADER]: portalSignature(body, this.config.portalPushSecret) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(PORTAL_PUSH_TIMEOUT_MS),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      return { ok: false, kind: 'retryable', httpStatus: null, error: `门户无响应（上传附件）：${describe(error)}` };
    }
    if (status >= 200 && status < 300) return { ok: true };
    const kind = status === 429 || status >= 500 ? 'retryable' : 'permanent';
    return { ok: false, kind, httpStatus: status, error: `门户拒绝附件《${attachment.filename}》（HTTP ${status}）${text.slice(0, 300)}` };
  }

  /** POSTs the signed body; a network error or timeout is a retryable outcome, never a throw. */
  private async post(
    path: string,
    payload: object,
    idempotencyKey: string,
  ): Promise<{ ok: true; status: number; text: string } | { ok: false; kind: 'retryable'; httpStatus: null; error: string }> {
    const body = Buffer.from(JSON.stringify(payload), 'utf8');
    try {
      const response = await fetch(`${this.config.portalUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [PORTAL_SIGNATURE_HEADER]: portalSignature(body, this.config.portalPushSecret),
          [PORTAL_IDEMPOTENCY_HEADER]: idempotencyKey,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(PORTAL_PUSH_TIMEOUT_MS),
      });
      return { ok: true, status: response.status, text: await response.text() };
    } catch (error) {
      return { ok: false, kind: 'retryable', httpStatus: null, error: `门户无响应：${describe(error)}` };
    }
  }

  private receiptFrom(push: PortalPush, status: number, text: string): PortalPushOutcome {
    let body: { url?: unknown; publishedAt?: unknown; contentHash?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = {};
    }
    if (typeof body !== 'object' || body === null || typeof body.url !== 'string' || body.url === '') {
      return { ok: false, kind: 'permanent', httpStatus: status, error: `门户回执缺少页面地址（HTTP ${status}）` };
    }
    const publishedAt =
      typeof body.publishedAt === 'string' && !Number.isNaN(Date.parse(body.publishedAt)) ? body.publishedAt : push.publishedAt;
    const contentHash = typeof body.contentHash === 'string' ? body.contentHash : push.contentHash;
    return { ok: true, httpStatus: status, receipt: { url: body.url, publishedAt, contentHash } };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.name}: ${error.message} (${cause.message})` : `${error.name}: ${error.message}`;
  }
  return String(error);
}

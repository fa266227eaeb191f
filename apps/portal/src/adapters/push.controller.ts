import { setTimeout as sleep } from 'node:timers/promises';
import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Put, Res, UseFilters } from '@nestjs/common';
import { PORTAL_IDEMPOTENCY_HEADER, PORTAL_SIGNATURE_HEADER } from '@sanshen/contracts';
import type { PortalReceipt, PortalRetractReceipt } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { FastifyReply } from 'fastify';
import { PORTAL_CONFIG } from '../config/portal.config.js';
import type { PortalConfig } from '../config/portal.config.js';
import { PreviewPageUseCase } from '../use-cases/preview-page/preview-page.use-case.js';
import { ReceivePushUseCase } from '../use-cases/receive-push/receive-push.use-case.js';
import { RetractPageUseCase } from '../use-cases/retract-page/retract-page.use-case.js';
import { ReceiveAttachmentUseCase } from '../use-cases/receive-attachment/receive-attachment.use-case.js';
import type { SignedRequest } from '../use-cases/signed-request.js';
import { PushErrorFilter } from './error-filters.js';
import { documentPage } from './views/pages.js';

/** The signed push contract (docs/portal.md): 201 when stored, 200 with the same receipt when repeated. */
@Controller('api')
@UseFilters(PushErrorFilter)
export class PushController {
  constructor(
    @Inject(ReceivePushUseCase) private readonly receivePush: ReceivePushUseCase,
    @Inject(RetractPageUseCase) private readonly retractPage: RetractPageUseCase,
    @Inject(PORTAL_CONFIG) private readonly config: PortalConfig,
    @Inject(PreviewPageUseCase) private readonly previewPage: PreviewPageUseCase,
    @Inject(ReceiveAttachmentUseCase) private readonly receiveAttachment: ReceiveAttachmentUseCase,
  ) {}

  /** An attachment's bytes (`application/octet-stream`, signed), before the push that lists them: 201 stored, 200 already there. */
  @Put('attachments/:sha256')
  @HttpCode(201)
  async attachment(
    @Param('sha256') sha256: string,
    @Body() body: unknown,
    @Headers(PORTAL_SIGNATURE_HEADER) signature: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ sha256: string; size: number }> {
    if (!Buffer.isBuffer(body)) {
      throw new DomainError('REQUEST.INVALID', { problems: ['Content-Type: application/octet-stream required'] }, '附件须以 application/octet-stream 上传');
    }
    const stored = await this.receiveAttachment.execute(sha256, body, signature);
    if (!stored.created) reply.status(200);
    return { sha256: stored.sha256, size: stored.size };
  }

  @Post('push')
  @HttpCode(201)
  async push(
    @Body() body: unknown,
    @Headers(PORTAL_SIGNATURE_HEADER) signature: string | undefined,
    @Headers(PORTAL_IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PortalReceipt> {
    const outcome = await this.receivePush.execute(signedRequest(body, signature, idempotencyKey));
    if (this.config.testDelayMs !== null) await sleep(this.config.testDelayMs); // test-only fault injection
    if (!outcome.created) reply.status(200);
    return outcome.receipt;
  }

  /** 审核预览: the page this push would make, as HTML, stored nowhere (signed like a push). */
  @Post('preview')
  @HttpCode(200)
  preview(
    @Body() body: unknown,
    @Headers(PORTAL_SIGNATURE_HEADER) signature: string | undefined,
    @Headers(PORTAL_IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    const view = this.previewPage.execute(signedRequest(body, signature, idempotencyKey));
    void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    return documentPage(this.config.siteName, view, { preview: true });
  }

  @Post('retract')
  @HttpCode(201)
  async retract(
    @Body() body: unknown,
    @Headers(PORTAL_SIGNATURE_HEADER) signature: string | undefined,
    @Headers(PORTAL_IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PortalRetractReceipt> {
    const outcome = await this.retractPage.execute(signedRequest(body, signature, idempotencyKey));
    if (!outcome.created) reply.status(200);
    return outcome.receipt;
  }
}

/** A JSON body arrives as its raw bytes (see RawJsonBody); no body at all is an empty one. */
function signedRequest(body: unknown, signature: string | undefined, idempotencyKey: string | undefined): SignedRequest {
  if (body !== undefined && !Buffer.isBuffer(body)) {
    throw new DomainError('REQUEST.INVALID', { problems: ['Content-Type: application/json required'] }, '请求的 Content-Type 必须为 application/json');
  }
  return { rawBody: body ?? Buffer.alloc(0), signature, idempotencyKey };
}

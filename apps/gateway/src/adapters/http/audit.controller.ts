import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AUDIT_RPC } from '@sanshen/contracts';
import type { AuditExportReply, AuditTimelineReply, AuditVerifyReply } from '@sanshen/contracts';
import type { FastifyReply } from 'fastify';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { IDS } from './openapi/examples.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1')
export class AuditController {
  constructor(private readonly services: ServiceCalls) {}

  @ApiRoute({
    summary: '文档审计记录',
    description: '文档在审计账本中的全部记录（按顺序），每条带哈希链信息。',
    answer: {
      json: {
        documentId: IDS.document,
        entries: [
          {
            position: 101,
            eventId: IDS.finding,
            eventType: 'document.submitted',
            documentId: IDS.document,
            sequence: 4,
            occurredAt: '2026-12-06T09:30:00.000Z',
            recordedAt: '2026-12-06T09:30:00.200Z',
            actor: { userId: IDS.drafter, displayName: '王芳', roles: ['drafter'] },
            correlationId: '5f0c2a7e-1b3d-4c5e-8f9a-0b1c2d3e4f5a',
            causationId: null,
            statusAfter: 'pending_l1',
            violation: null,
          },
        ],
      },
    },
    errors: ['DOCUMENT.NOT_FOUND', 'AUDIT.FORBIDDEN'],
  })
  @Get('documents/:id/audit')
  timeline(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<AuditTimelineReply> {
    return this.services.send(AUDIT_RPC.timeline, context, { documentId: id });
  }

  @ApiRoute({
    summary: '校验审计账本',
    description: '安全审计员校验审计账本的哈希链（整个账本，或 documentId 指定的文档）：ok 为 false 时 firstBroken 指出第一处断裂及其原因代码。',
    answer: { json: { ok: true, checked: 1024 } },
    errors: ['AUDIT.FORBIDDEN'],
  })
  @Get('audit/verify')
  @ApiQuery({ name: 'documentId', required: false })
  verify(@Ctx() context: RequestContext, @Query('documentId', new ParseUUIDPipe({ optional: true })) documentId?: string): Promise<AuditVerifyReply> {
    return this.services.send(AUDIT_RPC.verify, context, documentId ? { documentId } : {});
  }

  /** JSON Lines of the period's entries and a final digest line (auditors only; ≤ 366 days). */
  @ApiRoute({
    summary: '导出审计记录',
    description: '安全审计员导出一段时间（不超过 366 天）内的审计记录：JSON Lines，逐行一条记录，最后一行为摘要。',
    answer: { ndjson: '{"position":101,"eventType":"document.submitted",…}\n{"digest":"sha256:…","count":1}\n' },
    errors: ['AUDIT.FORBIDDEN', 'AUDIT.EXPORT_RANGE_INVALID', 'AUDIT.EXPORT_TOO_LARGE'],
  })
  @Get('audit/export')
  @ApiProduces('application/x-ndjson')
  @ApiQuery({ name: 'from', required: true, description: 'ISO 8601, inclusive' })
  @ApiQuery({ name: 'to', required: true, description: 'ISO 8601, exclusive' })
  async export(
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) response: FastifyReply,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<string> {
    const reply = await this.services.send<AuditExportReply>(AUDIT_RPC.export, context, { from: from ?? '', to: to ?? '' });
    // Set only on success: errors keep the JSON error body and type.
    void response.header('content-type', 'application/x-ndjson; charset=utf-8');
    return reply.jsonl;
  }
}

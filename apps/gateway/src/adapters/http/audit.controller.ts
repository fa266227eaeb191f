import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AUDIT_RPC } from '@sanshen/contracts';
import type { AuditChainStatusReply, AuditExportReply, AuditTimelineReply, AuditVerificationRunReply, AuditVerifyReply } from '@sanshen/contracts';
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
    summary: '审计账本校验结果',
    description:
      '安全审计员查看审计账本哈希链的校验结果。不带 documentId：返回后台定期校验（整个账本）的最近一次结果及其时效——' +
      'ok、完成时间 verifiedAt、距今秒数 ageSeconds、本次校验条数 checked、已校验至的位置 throughPosition、当前账本末位 headPosition、' +
      '最近一次完整校验通过的时间 lastFullVerifiedAt，以及正在进行的校验 running；ok 为 false 时 firstBroken 指出第一处断裂及其原因代码；' +
      '尚未完成过校验时 ok 为 null。带 documentId：当场校验该文档的哈希链，返回 {ok, checked, firstBroken?}。',
    answer: {
      json: {
        ok: true,
        runId: 42,
        mode: 'incremental',
        verifiedAt: '2026-12-06T09:30:00.000Z',
        ageSeconds: 125,
        checked: 380,
        throughPosition: 1024,
        throughHash: 'a3f1c2d4e5b6a7980f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978',
        headPosition: 1031,
        lastFullVerifiedAt: '2026-12-06T02:00:12.000Z',
        running: null,
      },
    },
    errors: ['AUDIT.FORBIDDEN', 'DOCUMENT.NOT_FOUND'],
  })
  @Get('audit/verify')
  @ApiQuery({ name: 'documentId', required: false })
  verify(
    @Ctx() context: RequestContext,
    @Query('documentId', new ParseUUIDPipe({ optional: true })) documentId?: string,
  ): Promise<AuditVerifyReply | AuditChainStatusReply> {
    return documentId ? this.services.send(AUDIT_RPC.verify, context, { documentId }) : this.services.send(AUDIT_RPC.status, context, {});
  }

  @ApiRoute({
    summary: '立即校验审计账本',
    description:
      '安全审计员要求立即对整个审计账本做一次完整校验（从第一条记录起）。校验在后台进行，本接口立即返回：started 表示是否已开始，' +
      'runId 为已开始或正在进行的校验编号；已有校验在进行时不另行开始（started 为 false）。结果通过 GET /api/v1/audit/verify 查看。',
    answer: { json: { started: true, runId: 43 } },
    errors: ['AUDIT.FORBIDDEN'],
  })
  @Post('audit/verify')
  @HttpCode(202)
  runVerification(@Ctx() context: RequestContext): Promise<AuditVerificationRunReply> {
    return this.services.send(AUDIT_RPC.run, context, {});
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

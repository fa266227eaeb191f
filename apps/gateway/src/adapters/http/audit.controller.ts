import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AUDIT_RPC } from '@sanshen/contracts';
import type { AuditExportReply, AuditTimelineReply, AuditVerifyReply } from '@sanshen/contracts';
import type { FastifyReply } from 'fastify';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1')
export class AuditController {
  constructor(private readonly services: ServiceCalls) {}

  @Get('documents/:id/audit')
  timeline(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<AuditTimelineReply> {
    return this.services.send(AUDIT_RPC.timeline, context, { documentId: id });
  }

  @Get('audit/verify')
  @ApiQuery({ name: 'documentId', required: false })
  verify(@Ctx() context: RequestContext, @Query('documentId', new ParseUUIDPipe({ optional: true })) documentId?: string): Promise<AuditVerifyReply> {
    return this.services.send(AUDIT_RPC.verify, context, documentId ? { documentId } : {});
  }

  /** JSON Lines of the period's entries and a final digest line (auditors only; ≤ 366 days). */
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

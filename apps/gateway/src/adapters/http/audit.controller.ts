import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AUDIT_RPC } from '@sanshen/contracts';
import type { AuditTimelineReply, AuditVerifyReply } from '@sanshen/contracts';
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
}

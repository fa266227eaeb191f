import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ApprovalSheetRequest, ApprovalSheetView } from '@sanshen/contracts';
import type { FastifyReply } from 'fastify';
import { DocumentRoute } from '../auth/document-visible.guard.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApprovalSheetQueryDto } from './dto/review.dto.js';
import { ShowApprovalSheetUseCase } from '../../use-cases/show-approval-sheet/show-approval-sheet.use-case.js';

@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/documents')
export class ApprovalSheetController {
  constructor(private readonly approvalSheet: ShowApprovalSheetUseCase) {}

  /** 信息发布审批单: a printable HTML page (default), or `?format=json` for the same data. */
  @Get(':id/approval-sheet')
  @DocumentRoute()
  @ApiProduces('text/html', 'application/json')
  async get(
    @Ctx() context: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ApprovalSheetQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApprovalSheetView | string> {
    const format = query.format ?? 'html';
    const payload: ApprovalSheetRequest = { documentId: id, format, ...(query.version === undefined ? {} : { version: query.version }) };
    const result = await this.approvalSheet.execute(context, payload);
    if (format === 'json') return result.sheet;
    void reply.header('content-type', 'text/html; charset=utf-8');
    return result.html ?? '';
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REVIEW_RPC } from '@sanshen/contracts';
import type { BatchApproveView, InboxView, ReviewDecisionView } from '@sanshen/contracts';
import { DocumentRoute } from '../auth/document-visible.guard.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { BatchApproveUseCase } from '../../use-cases/batch-approve/batch-approve.use-case.js';
import { ApproveDto, BatchApproveDto, ReturnDto } from './dto/review.dto.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1')
export class ReviewsController {
  constructor(
    private readonly services: ServiceCalls,
    private readonly batchApprove: BatchApproveUseCase,
  ) {}

  @Get('reviews/inbox')
  inbox(@Ctx() context: RequestContext): Promise<InboxView> {
    return this.services.send(REVIEW_RPC.inbox, context, {});
  }

  @Post('reviews/batch-approve')
  @HttpCode(200)
  @ApiOperation({ summary: '批量审批', description: '审核人一次同意多份文档；每份文档按单份审批的全部规则独立处理，逐项返回结果（成功的决定或该项的错误）。' })
  batch(@Ctx() context: RequestContext, @Body() dto: BatchApproveDto): Promise<BatchApproveView> {
    return this.batchApprove.execute(context, dto.items, dto.comment ?? null);
  }

  @Post('documents/:id/approve')
  @DocumentRoute()
  @HttpCode(200)
  approve(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveDto): Promise<ReviewDecisionView> {
    return this.services.send(REVIEW_RPC.approve, context, { documentId: id, version: dto.version, comment: dto.comment ?? null, level: dto.level ?? null });
  }

  @Post('documents/:id/return')
  @DocumentRoute()
  @HttpCode(200)
  return(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReturnDto): Promise<ReviewDecisionView> {
    return this.services.send(REVIEW_RPC.return, context, { documentId: id, version: dto.version, reason: dto.reason, to: dto.to, level: dto.level ?? null });
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { REVIEW_RPC } from '@sanshen/contracts';
import type { InboxView, ReviewDecisionView } from '@sanshen/contracts';
import { DocumentRoute } from '../auth/document-visible.guard.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApproveDto, ReturnDto } from './dto/review.dto.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1')
export class ReviewsController {
  constructor(private readonly services: ServiceCalls) {}

  @Get('reviews/inbox')
  inbox(@Ctx() context: RequestContext): Promise<InboxView> {
    return this.services.send(REVIEW_RPC.inbox, context, {});
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

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SECRECY_RPC } from '@sanshen/contracts';
import type { SecrecyDecisionView, SecrecyFindingView, SecrecyReviewView } from '@sanshen/contracts';
import { DocumentRoute } from '../auth/document-visible.guard.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { DisposeFindingDto, ReferralAnswerDto, SecrecyDecisionDto } from './dto/secrecy.dto.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('secrecy')
@ApiBearerAuth()
@Controller('api/v1/documents/:id/secrecy')
@DocumentRoute()
export class SecrecyController {
  constructor(private readonly services: ServiceCalls) {}

  @Get()
  get(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<SecrecyReviewView> {
    return this.services.send(SECRECY_RPC.get, context, { documentId: id });
  }

  @Post('decision')
  decide(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SecrecyDecisionDto): Promise<SecrecyDecisionView> {
    return this.services.send(SECRECY_RPC.decide, context, { documentId: id, ...dto });
  }

  @Post('findings/:findingId')
  @HttpCode(200)
  dispose(
    @Ctx() context: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('findingId', ParseUUIDPipe) findingId: string,
    @Body() dto: DisposeFindingDto,
  ): Promise<SecrecyFindingView> {
    return this.services.send(SECRECY_RPC.disposeFinding, context, { documentId: id, findingId, ...dto });
  }

  @Post('referral-answer')
  answerReferral(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReferralAnswerDto): Promise<SecrecyDecisionView> {
    return this.services.send(SECRECY_RPC.answerReferral, context, { documentId: id, ...dto });
  }
}

import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PUBLICATION_RPC } from '@sanshen/contracts';
import type { PublicationView, ScheduleView } from '@sanshen/contracts';
import { DocumentRoute } from '../auth/document-visible.guard.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { CorrectionDto, RetractDto, ScheduleDto } from './dto/publication.dto.js';
import { ServiceCalls } from './service-calls.js';

/** 定时发布, 撤稿 (request + authorization) and 更正: thin routes onto the publication service. */
@ApiTags('publication')
@ApiBearerAuth()
@Controller('api/v1/documents/:id')
@DocumentRoute()
export class PublicationActionsController {
  constructor(private readonly services: ServiceCalls) {}

  @Post('schedule')
  @HttpCode(200)
  schedule(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: ScheduleDto): Promise<ScheduleView> {
    return this.services.send(PUBLICATION_RPC.schedule, context, { documentId: id, version: body.version, publishAt: body.publishAt });
  }

  @Post('retract')
  @HttpCode(200)
  retract(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: RetractDto): Promise<PublicationView> {
    return this.services.send(PUBLICATION_RPC.requestRetraction, context, { documentId: id, reason: body.reason });
  }

  @Post('retract/authorize')
  @HttpCode(200)
  authorizeRetraction(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<PublicationView> {
    return this.services.send(PUBLICATION_RPC.authorizeRetraction, context, { documentId: id });
  }

  @Post('correction')
  @HttpCode(200)
  startCorrection(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: CorrectionDto): Promise<PublicationView> {
    return this.services.send(PUBLICATION_RPC.startCorrection, context, { documentId: id, reason: body.reason ?? null });
  }
}

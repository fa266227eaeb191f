import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PUBLICATION_RPC } from '@sanshen/contracts';
import type { PublicationView, ScheduleView } from '@sanshen/contracts';
import { DocumentRoute } from '../auth/document-visible.guard.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { IDS, PUBLICATION_EXAMPLE } from './openapi/examples.js';
import { CorrectionDto, RetractDto, ScheduleDto } from './dto/publication.dto.js';
import { ServiceCalls } from './service-calls.js';

/** 定时发布, 撤稿 (request + authorization) and 更正: thin routes onto the publication service. */
@ApiTags('publication')
@ApiBearerAuth()
@Controller('api/v1/documents/:id')
@DocumentRoute()
export class PublicationActionsController {
  constructor(private readonly services: ServiceCalls) {}

  @ApiRoute({
    summary: '定时发布',
    description: '主要领导或发布人在发布开始前为文档的该版本设定发布时间（须为将来的时间）；保密审查通过后到时自动发布。',
    answer: { json: { documentId: IDS.document, version: 4, publishAt: '2026-12-01T01:00:00.000Z', setBy: IDS.reviewer, setAt: '2026-11-28T08:00:00.000Z', state: 'pending' } },
    errors: ['DOCUMENT.NOT_FOUND', 'DOCUMENT.ROLE_NOT_ALLOWED', 'DOCUMENT.INVALID_TRANSITION', 'DOCUMENT.VERSION_CONFLICT', 'PUBLICATION.SCHEDULE_INVALID'],
  })
  @Post('schedule')
  @HttpCode(200)
  schedule(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: ScheduleDto): Promise<ScheduleView> {
    return this.services.send(PUBLICATION_RPC.schedule, context, { documentId: id, version: body.version, publishAt: body.publishAt });
  }

  @ApiRoute({
    summary: '申请撤稿',
    description: '发布人申请撤下已发布的页面（须填写理由，理由将显示在门户的撤稿说明中）；须由申请人以外的主要领导授权。',
    answer: { json: { ...PUBLICATION_EXAMPLE, retraction: { reason: '文中数据有误，待核实后重新发布', requestedBy: IDS.drafter, requestedAt: '2026-12-08T10:00:00.000Z', authorizedBy: null, authorizedAt: null } } },
    errors: ['DOCUMENT.NOT_FOUND', 'DOCUMENT.ROLE_NOT_ALLOWED', 'DOCUMENT.INVALID_TRANSITION', 'PUBLICATION.NOT_FOUND'],
  })
  @Post('retract')
  @HttpCode(200)
  retract(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: RetractDto): Promise<PublicationView> {
    return this.services.send(PUBLICATION_RPC.requestRetraction, context, { documentId: id, reason: body.reason });
  }

  @ApiRoute({
    summary: '授权撤稿',
    description: '申请人以外的主要领导授权撤稿：门户网站撤下页面（访问返回 410 并显示撤稿说明），文档进入已撤稿状态。',
    answer: { json: { ...PUBLICATION_EXAMPLE, state: 'retracted' } },
    errors: ['DOCUMENT.NOT_FOUND', 'DOCUMENT.ROLE_NOT_ALLOWED', 'PUBLICATION.NOT_FOUND', 'PUBLICATION.RETRACTION_NOT_REQUESTED', 'PUBLICATION.SECOND_PERSON_REQUIRED', 'PUBLICATION.PORTAL_REFUSED', 'PUBLICATION.PORTAL_UNAVAILABLE'],
  })
  @Post('retract/authorize')
  @HttpCode(200)
  authorizeRetraction(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<PublicationView> {
    return this.services.send(PUBLICATION_RPC.authorizeRetraction, context, { documentId: id });
  }

  @ApiRoute({
    summary: '发起更正',
    description: '本科室的起草人重新打开已发布的文档进行更正：文档回到草稿，按原流程修改、审核、保密审查后以新版本替换门户上的页面（附更正说明），旧页面在此之前保持在线。',
    answer: { json: { ...PUBLICATION_EXAMPLE, correctionStartedAt: '2026-12-08T10:00:00.000Z' } },
    errors: ['DOCUMENT.NOT_FOUND', 'DOCUMENT.ROLE_NOT_ALLOWED', 'DOCUMENT.NOT_IN_SCOPE', 'DOCUMENT.INVALID_TRANSITION', 'PUBLICATION.NOT_FOUND'],
  })
  @Post('correction')
  @HttpCode(200)
  startCorrection(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: CorrectionDto): Promise<PublicationView> {
    return this.services.send(PUBLICATION_RPC.startCorrection, context, { documentId: id, reason: body.reason ?? null });
  }
}

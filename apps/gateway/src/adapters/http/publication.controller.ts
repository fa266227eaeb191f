import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PUBLICATION_RPC } from '@sanshen/contracts';
import type { PublicationView } from '@sanshen/contracts';
import { DocumentRoute } from '../auth/document-visible.guard.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { PUBLICATION_EXAMPLE } from './openapi/examples.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('publication')
@ApiBearerAuth()
@Controller('api/v1/documents/:id/publication')
@DocumentRoute()
export class PublicationController {
  constructor(private readonly services: ServiceCalls) {}

  @ApiRoute({
    summary: '发布情况',
    description: '文档的发布记录：状态、每次推送门户的尝试与结果、门户回执、撤稿与更正。',
    answer: { json: PUBLICATION_EXAMPLE },
    errors: ['DOCUMENT.NOT_FOUND', 'PUBLICATION.NOT_FOUND'],
  })
  @Get()
  get(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<PublicationView> {
    return this.services.send(PUBLICATION_RPC.get, context, { documentId: id });
  }

  @ApiRoute({
    summary: '重新发布',
    description: '发布人在发布失败（publish_failed）后重新推送到门户网站。',
    answer: { json: { ...PUBLICATION_EXAMPLE, state: 'publishing', receipt: null } },
    errors: ['DOCUMENT.NOT_FOUND', 'DOCUMENT.ROLE_NOT_ALLOWED', 'DOCUMENT.INVALID_TRANSITION', 'PUBLICATION.NOT_FOUND', 'PUBLICATION.HASH_MISMATCH'],
  })
  @Post('retry')
  @HttpCode(200)
  retry(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<PublicationView> {
    return this.services.send(PUBLICATION_RPC.retry, context, { documentId: id });
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PUBLICATION_RPC } from '@sanshen/contracts';
import type { PagePreview, PagePreviewRequest } from '@sanshen/contracts';
import type { FastifyReply } from 'fastify';
import { DocumentRoute } from '../auth/document-visible.guard.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { HTML_EXAMPLE } from './openapi/examples.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('publication')
@ApiBearerAuth()
@Controller('api/v1/documents')
export class PagePreviewController {
  constructor(private readonly services: ServiceCalls) {}

  @ApiRoute({
    summary: '门户预览',
    description: '按门户网站的版式显示文档当前版本（与正式发布使用同一渲染），页面标明“预览”，不保存、不发布。能查看该文档的人均可预览。',
    answer: { html: HTML_EXAMPLE },
    errors: ['DOCUMENT.NOT_FOUND', 'PUBLICATION.PREVIEW_FAILED', 'PUBLICATION.PREVIEW_UNAVAILABLE'],
  })
  @Get(':id/preview')
  @DocumentRoute()
  @ApiProduces('text/html')
  async preview(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const preview = await this.services.send<PagePreview, PagePreviewRequest>(PUBLICATION_RPC.preview, context, { documentId: id });
    void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
    return preview.html;
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { DocumentCountsView } from '@sanshen/contracts';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { ServiceCalls } from './service-calls.js';

/** The system administrator's view of documents: counts by status and kind, never titles or content. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('api/v1/admin/document-counts')
export class DocumentCountsController {
  constructor(private readonly services: ServiceCalls) {}

  @ApiRoute({
    summary: '按状态统计本单位文档数量',
    description: '系统管理员专用：只返回各状态、各类型的文档数量，不含标题和内容（三员分立）。',
    answer: { json: { items: [{ status: 'draft', kind: 'article', count: 12 }] } },
    errors: ['DOCUMENT.ROLE_NOT_ALLOWED'],
  })
  @Get()
  counts(@Ctx() context: RequestContext): Promise<DocumentCountsView> {
    return this.services.send(DRAFTING_RPC.counts, context, {});
  }
}

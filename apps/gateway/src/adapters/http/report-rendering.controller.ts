import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { RenderedReportView, RenderReportRequest } from '@sanshen/contracts';
import type { FastifyReply } from 'fastify';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { HTML_EXAMPLE } from './openapi/examples.js';
import { RenderQueryDto } from './dto/document.dto.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/v1/documents')
export class ReportRenderingController {
  constructor(private readonly services: ServiceCalls) {}

  /** An annual report in the national layout: printable HTML (default), or `?format=json` (report.schema.json). */
  @ApiRoute({
    summary: '年度报告版式',
    description: '年度报告按国家规定版式的可打印 HTML（含打印样式）；?format=json 返回 report.schema.json 形式的数据；?version= 指定版本。',
    answer: { html: HTML_EXAMPLE, json: { year: 2025, format: '2021', sections: { overall: '……' }, tables: {} } },
    errors: ['DOCUMENT.NOT_FOUND', 'ANNUAL_REPORT.NOT_AN_ANNUAL_REPORT'],
  })
  @Get(':id/rendering')
  @ApiProduces('text/html', 'application/json')
  async get(
    @Ctx() context: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: RenderQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown> | string> {
    const payload: RenderReportRequest = { documentId: id, ...(query.version === undefined ? {} : { version: query.version }) };
    const rendered = await this.services.send<RenderedReportView>(DRAFTING_RPC.render, context, payload);
    if (query.format === 'json') return rendered.data;
    void reply.header('content-type', 'text/html; charset=utf-8');
    return rendered.html;
  }
}

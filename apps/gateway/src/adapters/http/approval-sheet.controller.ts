import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ApprovalSheetRequest, ApprovalSheetView } from '@sanshen/contracts';
import type { FastifyReply } from 'fastify';
import { DocumentRoute } from '../auth/document-visible.guard.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { DELEGATION_EXAMPLE, HTML_EXAMPLE, IDS } from './openapi/examples.js';
import { ApprovalSheetQueryDto } from './dto/review.dto.js';
import { ShowApprovalSheetUseCase } from '../../use-cases/show-approval-sheet/show-approval-sheet.use-case.js';

@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/documents')
export class ApprovalSheetController {
  constructor(private readonly approvalSheet: ShowApprovalSheetUseCase) {}

  /** 信息发布审批单: a printable HTML page (default), or `?format=json` for the same data. */
  @ApiRoute({
    summary: '信息发布审批单',
    description: '文档某一版本（默认：正在审核或最近审核的版本）的信息发布审批单：可打印的 HTML 页面；?format=json 返回同一数据。列出各级审核签署（含代签“X 代 Y”）与保密审查结论。',
    answer: {
      html: HTML_EXAMPLE,
      json: {
        documentId: IDS.document,
        agencyName: '海东市工业和信息化局',
        title: '关于调整办公时间的通知',
        kind: 'article',
        version: 3,
        contentHash: 'sha256:4c7a…',
        status: 'pending_l2',
        departmentId: IDS.department,
        departmentName: '办公室',
        column: '通知公告',
        drafter: { userId: IDS.drafter, displayName: '王芳' },
        submittedAt: DELEGATION_EXAMPLE.createdAt,
        signatures: [{ level: 1, label: '科室负责人审核', decision: 'approved', signerId: IDS.reviewer, signerName: '张伟', onBehalfOf: null, signedAs: '张伟', signedAt: DELEGATION_EXAMPLE.createdAt, comment: '同意。' }],
      },
    },
    errors: ['DOCUMENT.NOT_FOUND', 'REVIEW.TASK_NOT_FOUND'],
  })
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

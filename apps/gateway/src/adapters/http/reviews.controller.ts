import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { REVIEW_RPC } from '@sanshen/contracts';
import type { BatchApproveView, InboxView, ReviewDecisionView } from '@sanshen/contracts';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { BatchApproveUseCase } from '../../use-cases/batch-approve/batch-approve.use-case.js';
import { ApproveDto, BatchApproveDto, ReturnDto } from './dto/review.dto.js';
import { ServiceCalls } from './service-calls.js';
import { ApiRoute } from './openapi/api-route.js';
import { DECISION_EXAMPLE, IDS } from './openapi/examples.js';

const DECISION_ERRORS = ['DOCUMENT.NOT_FOUND', 'DOCUMENT.ROLE_NOT_ALLOWED', 'DOCUMENT.NOT_IN_SCOPE', 'DOCUMENT.INVALID_TRANSITION', 'DOCUMENT.VERSION_CONFLICT', 'DOCUMENT.HASH_MISMATCH', 'REVIEW.TASK_NOT_FOUND', 'REVIEW.SELF_APPROVAL', 'REVIEW.ALREADY_SIGNED'] as const;

@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1')
export class ReviewsController {
  constructor(
    private readonly services: ServiceCalls,
    private readonly batchApprove: BatchApproveUseCase,
  ) {}

  @ApiRoute({
    summary: '审核待办',
    description: '调用者（含代签）待处理的审核任务，最早到达的在前，带审核级别与期限。',
    answer: {
      json: {
        items: [
          {
            documentId: IDS.document,
            title: '关于调整办公时间的通知',
            kind: 'article',
            version: 3,
            contentHash: 'sha256:4c7a…',
            level: 1,
            status: 'pending_l1',
            departmentId: IDS.department,
            authorId: IDS.drafter,
            submittedAt: '2026-12-06T09:30:00.000Z',
            openedAt: '2026-12-06T09:30:01.000Z',
            dueAt: '2026-12-09T09:30:00.000Z',
            onBehalfOf: null,
            remindedAt: null,
          },
        ],
      },
    },
    errors: [],
  })
  @Get('reviews/inbox')
  inbox(@Ctx() context: RequestContext): Promise<InboxView> {
    return this.services.send(REVIEW_RPC.inbox, context, {});
  }

  @ApiRoute({
    summary: '批量审批',
    description: '审核人一次同意多份文档（1–50 份）；每份文档按单份审批的全部规则独立处理，逐项返回结果（成功的决定或该项的错误）。',
    answer: {
      json: {
        results: [
          { documentId: IDS.document, ok: true, decision: DECISION_EXAMPLE },
          { documentId: IDS.finding, ok: false, error: { code: 'REVIEW.SELF_APPROVAL', message: '不能审核本人起草的文档' } },
        ],
      },
    },
    errors: [],
  })
  @Post('reviews/batch-approve')
  @HttpCode(200)
  batch(@Ctx() context: RequestContext, @Body() dto: BatchApproveDto): Promise<BatchApproveView> {
    return this.batchApprove.execute(context, dto.items, dto.comment ?? null);
  }

  @ApiRoute({
    summary: '审核同意',
    description: '当前级别的审核人（科室负责人、分管领导、主要领导，或其委托人，签署为“X 代 Y”）同意文档的该版本，文档进入下一级审核或保密审查。',
    answer: { json: DECISION_EXAMPLE },
    errors: DECISION_ERRORS,
  })
  @Post('documents/:id/approve')
  @HttpCode(200)
  approve(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveDto): Promise<ReviewDecisionView> {
    // Review decides first; only a refusal asks drafting whether the caller may read the document.
    return this.services.decide(REVIEW_RPC.approve, context, { documentId: id, version: dto.version, comment: dto.comment ?? null, level: dto.level ?? null });
  }

  @ApiRoute({
    summary: '审核退回',
    description: '当前级别的审核人退回文档（须填写理由）：to 为 drafter 时退回起草人修改，为 previous 时驳回上一级审核（第一级即起草人）。',
    answer: { json: { ...DECISION_EXAMPLE, status: 'draft' } },
    errors: [...DECISION_ERRORS, 'REVIEW.REASON_REQUIRED'],
  })
  @Post('documents/:id/return')
  @HttpCode(200)
  return(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReturnDto): Promise<ReviewDecisionView> {
    return this.services.decide(REVIEW_RPC.return, context, { documentId: id, version: dto.version, reason: dto.reason, to: dto.to, level: dto.level ?? null });
  }
}

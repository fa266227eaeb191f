import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SECRECY_RPC } from '@sanshen/contracts';
import type { SecrecyDecisionView, SecrecyFindingView, SecrecyReviewView } from '@sanshen/contracts';
import { DocumentRoute } from '../auth/document-visible.guard.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { FINDING_EXAMPLE, IDS, SECRECY_DECISION_EXAMPLE } from './openapi/examples.js';

const DECISION_ERRORS = ['DOCUMENT.NOT_FOUND', 'DOCUMENT.ROLE_NOT_ALLOWED', 'DOCUMENT.NOT_IN_SCOPE', 'DOCUMENT.INVALID_TRANSITION', 'DOCUMENT.VERSION_CONFLICT', 'SECRECY.CASE_NOT_FOUND', 'SECRECY.REVIEWER_SIGNED'] as const;
import { DisposeFindingDto, ReferralAnswerDto, SecrecyDecisionDto } from './dto/secrecy.dto.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('secrecy')
@ApiBearerAuth()
@Controller('api/v1/documents/:id/secrecy')
@DocumentRoute()
export class SecrecyController {
  constructor(private readonly services: ServiceCalls) {}

  @ApiRoute({
    summary: '保密审查情况',
    description: '当前版本的保密审查：检查问题及其处置、扫描所用的词库版本、审查决定、待答复的报审。',
    answer: {
      json: {
        documentId: IDS.document,
        version: 4,
        contentHash: SECRECY_DECISION_EXAMPLE.contentHash,
        status: 'pending_secrecy',
        findings: [FINDING_EXAMPLE],
        decision: null,
        scan: { id: IDS.publication, version: 4, contentHash: SECRECY_DECISION_EXAMPLE.contentHash, dictionaryVersion: 12, scannedAt: SECRECY_DECISION_EXAMPLE.decidedAt },
        openBlockingFindings: 1,
        referral: null,
        decisions: [],
      },
    },
    errors: ['DOCUMENT.NOT_FOUND', 'SECRECY.CASE_NOT_FOUND', 'SECRECY.SCAN_UNAVAILABLE'],
  })
  @Get()
  get(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<SecrecyReviewView> {
    return this.services.send(SECRECY_RPC.get, context, { documentId: id });
  }

  @ApiRoute({
    summary: '保密审查决定',
    description: '保密审查员对文档的该版本作出结论：public 可以公开（仍有未处置的阻断性问题时拒绝），return 退回修改，refer 报保密行政管理部门（文档等待答复）。审核过该版本的人员不能审查。',
    answer: { json: SECRECY_DECISION_EXAMPLE },
    errors: [...DECISION_ERRORS, 'SECRECY.BLOCKING_FINDINGS_OPEN', 'SECRECY.REFERRAL_PENDING'],
  })
  @Post('decision')
  decide(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SecrecyDecisionDto): Promise<SecrecyDecisionView> {
    return this.services.send(SECRECY_RPC.decide, context, { documentId: id, ...dto });
  }

  @ApiRoute({
    summary: '处置检查问题',
    description: '保密审查员处置一条检查问题（须填写理由）：ignored 本次忽略，whitelisted 加入词库例外（个人信息、密级标志类不可）；fixed 只能通过退回修改形成新版本。',
    answer: { json: { ...FINDING_EXAMPLE, disposition: { disposition: 'ignored', reason: '该电话为单位公开的办公电话', byId: SECRECY_DECISION_EXAMPLE.reviewerId, byName: '赵敏', at: SECRECY_DECISION_EXAMPLE.decidedAt } } },
    errors: ['DOCUMENT.NOT_FOUND', 'DOCUMENT.ROLE_NOT_ALLOWED', 'SECRECY.CASE_NOT_FOUND', 'SECRECY.FINDING_NOT_FOUND', 'SECRECY.FINDING_ALREADY_DISPOSED', 'SECRECY.FIX_NEEDS_NEW_VERSION', 'SECRECY.WHITELIST_NOT_ALLOWED', 'SECRECY.REASON_REQUIRED'],
  })
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

  @ApiRoute({
    summary: '登记报审答复',
    description: '保密审查员登记保密行政管理部门对报审的答复（文号、结论、依据）：public 可以公开，return 退回修改。',
    answer: { json: { ...SECRECY_DECISION_EXAMPLE, referralDecisionId: IDS.finding, answerReference: '海保密函〔2025〕3号' } },
    errors: [...DECISION_ERRORS, 'SECRECY.NO_REFERRAL'],
  })
  @Post('referral-answer')
  answerReferral(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReferralAnswerDto): Promise<SecrecyDecisionView> {
    return this.services.send(SECRECY_RPC.answerReferral, context, { documentId: id, ...dto });
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { DRAFTING_RPC, REVIEW_RPC } from '@sanshen/contracts';
import type { CreateDocumentRequest, DocumentCheckView, DocumentDiffView, DocumentPage, DocumentVersionView, DocumentView, ImportedDocumentView, ImportReportRequest, ReviewDecisionView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { FastifyRequest } from 'fastify';
import { DocumentRoute } from '../auth/document-visible.guard.js';
import { Ctx } from '../auth/request-context.js';
import { RequireRole } from '../auth/require-role.guard.js';
import type { RequestContext } from '../auth/request-context.js';
import {
  CheckDocumentDto,
  CreateDocumentDto,
  DiffQueryDto,
  DiscardDocumentDto,
  ImportDocumentDto,
  ListDocumentsQueryDto,
  PatchDocumentDto,
  SubmitDocumentDto,
  VersionDto,
} from './dto/document.dto.js';
import { ServiceCalls } from './service-calls.js';
import { ApiRoute } from './openapi/api-route.js';
import { DECISION_EXAMPLE, DOCUMENT_EXAMPLE, DOCUMENT_VERSION_EXAMPLE, DOCUMENT_VERSION_SUMMARY_EXAMPLE, IDS } from './openapi/examples.js';
import { PositiveIntParamPipe } from './input/int-param.pipe.js';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/v1/documents')
export class DocumentsController {
  constructor(private readonly services: ServiceCalls) {}

  @ApiRoute({
    summary: '起草文档',
    description: '起草人新建一篇网站文章（标题、栏目代码、正文及公开目录信息）或一份政府信息公开工作年度报告（年度）；文档为草稿，版本 1。',
    answer: { json: { ...DOCUMENT_EXAMPLE, version: 1 } },
    errors: ['DOCUMENT.ROLE_NOT_ALLOWED', 'ANNUAL_REPORT.ALREADY_EXISTS', 'ANNUAL_REPORT.YEAR_UNSUPPORTED', 'REQUEST.NUMBER_OUT_OF_RANGE', 'CATALOGUE.COLUMN_UNAVAILABLE', 'CATALOGUE.COLUMN_RESERVED', 'CATALOGUE.FIELD_INVALID'],
  })
  @Post()
  create(@Ctx() context: RequestContext, @Body() dto: CreateDocumentDto): Promise<DocumentView> {
    const request: CreateDocumentRequest =
      dto.kind === 'article'
        ? { kind: 'article', title: dto.title ?? '', column: dto.column ?? '', body: dto.body ?? '', ...(dto.catalogue !== undefined ? { catalogue: dto.catalogue } : {}) }
        : { kind: 'annual_report', year: dto.year ?? 0 };
    return this.services.send(DRAFTING_RPC.create, context, request);
  }

  @ApiRoute({
    summary: '导入年度报告',
    description: '起草人上传已发布的年度报告（multipart 的 file：UTF-8 .txt、.docx、带文字层的 .pdf，不超过 700 KiB）或提交其文本（text），生成一份导入来源的年度报告草稿；无法放入表格的行在 unplaced 中列出。',
    answer: { json: { document: DOCUMENT_EXAMPLE, unplaced: [{ line: 42, text: '（本行无法识别）', reason: '未匹配到表格或章节' }] } },
    errors: ['DOCUMENT.ROLE_NOT_ALLOWED', 'IMPORT.UNSUPPORTED_FILE', 'IMPORT.NO_TEXT', 'ANNUAL_REPORT.YEAR_NOT_FOUND', 'ANNUAL_REPORT.YEAR_UNSUPPORTED', 'ANNUAL_REPORT.ALREADY_EXISTS'],
  })
  @Post('import')
  @RequireRole('drafter')
  @ApiConsumes('application/json', 'multipart/form-data')
  async import(@Ctx() context: RequestContext, @Req() request: FastifyRequest, @Body() dto: ImportDocumentDto): Promise<ImportedDocumentView> {
    let payload: ImportReportRequest;
    if (request.isMultipart()) {
      payload = { file: await uploadedFile(request) };
    } else if (typeof dto?.text === 'string') {
      payload = { text: dto.text };
    } else {
      throw new DomainError('REQUEST.INVALID', { field: 'text' }, '请提供报告文本（text）或以 multipart 上传文件（file）');
    }
    return this.services.send(DRAFTING_RPC.importReport, context, payload);
  }

  @ApiRoute({
    summary: '文档列表',
    description: '调用者可以查看的文档（按状态、类型、年度、科室、标题筛选），分页：nextCursor 为下一页的 cursor。看不到的文档不出现在列表中。',
    answer: { json: { items: [DOCUMENT_EXAMPLE], nextCursor: null } },
    errors: [],
  })
  @Get()
  list(@Ctx() context: RequestContext, @Query() query: ListDocumentsQueryDto): Promise<DocumentPage> {
    return this.services.send(DRAFTING_RPC.list, context, query);
  }

  @ApiRoute({
    summary: '查看文档',
    description: '文档及其当前版本的内容。调用者无权查看的文档一律视为不存在（404）。',
    answer: { json: DOCUMENT_EXAMPLE },
    errors: ['DOCUMENT.NOT_FOUND'],
  })
  @Get(':id')
  get(@Ctx() context: RequestContext, @Param('id', uuid) id: string): Promise<DocumentView> {
    return this.services.send(DRAFTING_RPC.get, context, { documentId: id });
  }

  @ApiRoute({
    summary: '修改文档',
    description: '起草人在草稿上保存新版本：content 中给出的成员替换当前内容中的同名成员（年度报告：sections、cells、tables、signatureDate、publicationDate）。须提交所依据的版本号；已发布的文档须先发起更正。',
    answer: { json: { ...DOCUMENT_EXAMPLE, version: 4 } },
    errors: ['DOCUMENT.NOT_FOUND', 'DOCUMENT.ROLE_NOT_ALLOWED', 'DOCUMENT.NOT_EDITABLE', 'DOCUMENT.CORRECTION_REQUIRED', 'DOCUMENT.VERSION_STALE', 'DOCUMENT.VERSION_CONFLICT', 'REQUEST.NUMBER_OUT_OF_RANGE', 'CATALOGUE.COLUMN_UNAVAILABLE', 'CATALOGUE.COLUMN_RESERVED', 'CATALOGUE.FIELD_INVALID'],
  })
  @Patch(':id')
  revise(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: PatchDocumentDto): Promise<DocumentView> {
    return this.services.send(DRAFTING_RPC.revise, context, { documentId: id, version: dto.version, content: dto.content });
  }

  @ApiRoute({
    summary: '版本列表',
    description: '文档的全部版本（不含内容），从旧到新。',
    answer: { json: [DOCUMENT_VERSION_SUMMARY_EXAMPLE] },
    errors: ['DOCUMENT.NOT_FOUND'],
  })
  @Get(':id/versions')
  versions(@Ctx() context: RequestContext, @Param('id', uuid) id: string): Promise<Omit<DocumentVersionView, 'content'>[]> {
    return this.services.send(DRAFTING_RPC.listVersions, context, { documentId: id });
  }

  @ApiRoute({
    summary: '查看某一版本',
    description: '文档某一版本的完整内容。',
    answer: { json: DOCUMENT_VERSION_EXAMPLE },
    errors: ['DOCUMENT.NOT_FOUND'],
  })
  @Get(':id/versions/:version')
  version(
    @Ctx() context: RequestContext,
    @Param('id', uuid) id: string,
    @Param('version', PositiveIntParamPipe) version: number,
  ): Promise<DocumentVersionView> {
    return this.services.send(DRAFTING_RPC.getVersion, context, { documentId: id, version });
  }

  @ApiRoute({
    summary: '提交审核',
    description:
      '起草人把草稿的某一版本提交科室负责人审核（进入 pending_l1）。提交前运行保密审查将运行的内容检查：阻断性问题须在 findingExplanations 中逐条说明；年度报告的错误级规则须全部通过，警告级规则未通过时须填写 warningsExplanation。',
    answer: { json: { ...DOCUMENT_EXAMPLE, status: 'pending_l1' } },
    errors: ['DOCUMENT.NOT_FOUND', 'DOCUMENT.ROLE_NOT_ALLOWED', 'DOCUMENT.INVALID_TRANSITION', 'DOCUMENT.VERSION_STALE', 'DOCUMENT.VERSION_CONFLICT', 'DOCUMENT.FINDINGS_UNEXPLAINED', 'ANNUAL_REPORT.CONSISTENCY_FAILED', 'ANNUAL_REPORT.WARNINGS_UNEXPLAINED', 'ANNUAL_REPORT.AMBIGUOUS_CELLS'],
  })
  @Post(':id/submit')
  @HttpCode(200)
  submit(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: SubmitDocumentDto): Promise<DocumentView> {
    return this.services.send(DRAFTING_RPC.submit, context, {
      documentId: id,
      version: dto.version,
      ...(dto.warningsExplanation === undefined ? {} : { warningsExplanation: dto.warningsExplanation }),
      ...(dto.findingExplanations === undefined ? {} : { findingExplanations: dto.findingExplanations }),
    });
  }

  @ApiRoute({
    summary: '检查文档',
    description: '对当前版本（或指定版本）运行检查：年度报告的校验规则（有上一年度报告时含跨年度规则）与内容检查（密级标识、个人信息、错敏词等）。只读，不改变文档。',
    answer: { json: { documentId: IDS.document, version: 3, errors: [], warnings: [], findings: [], notices: [], outcomes: [{ ruleId: 'T1-01', severity: 'error', status: 'PASS' }], previousReport: null } },
    errors: ['DOCUMENT.NOT_FOUND'],
  })
  @Post(':id/check')
  @HttpCode(200)
  check(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: CheckDocumentDto): Promise<DocumentCheckView> {
    return this.services.send(DRAFTING_RPC.check, context, { documentId: id, ...(dto.version === undefined ? {} : { version: dto.version }) });
  }

  @ApiRoute({
    summary: '版本比较',
    description: '两个版本之间的差异：章节（或文章字段）逐行比较，年度报告的表格逐单元格比较。默认比较最近一次有审核决定或发布的版本与当前版本。',
    answer: {
      json: {
        documentId: IDS.document,
        from: 2,
        to: 3,
        sections: [{ key: 'body', label: '正文', ops: [{ op: 'equal', text: '自下月起，' }, { op: 'insert', text: '办公时间调整为……' }] }],
        cells: [{ pointer: '/applications/newReceived/total', table: '表三', row: '新收政府信息公开申请数量', column: '总计', from: 12, to: 13 }],
      },
    },
    errors: ['DOCUMENT.NOT_FOUND'],
  })
  @Get(':id/diff')
  diff(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Query() query: DiffQueryDto): Promise<DocumentDiffView> {
    return this.services.send(DRAFTING_RPC.diff, context, { documentId: id, ...query });
  }

  @ApiRoute({
    summary: '删除草稿',
    description: '起草人或科室负责人删除从未发布过的草稿（须填写理由）：文档从所有列表中消失，操作记录保留在审计账本中；年度报告的年份随之释放。',
    answer: { json: { ...DOCUMENT_EXAMPLE, status: 'discarded' } },
    errors: ['DOCUMENT.NOT_FOUND', 'DOCUMENT.ROLE_NOT_ALLOWED', 'DOCUMENT.NOT_DISCARDABLE', 'DOCUMENT.REASON_REQUIRED', 'DOCUMENT.VERSION_STALE', 'DOCUMENT.VERSION_CONFLICT'],
  })
  @Post(':id/discard')
  @HttpCode(200)
  discard(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: DiscardDocumentDto): Promise<DocumentView> {
    return this.services.send(DRAFTING_RPC.discard, context, { documentId: id, version: dto.version, reason: dto.reason });
  }

  @ApiRoute({
    summary: '撤回提交',
    description: '提交人在第一位审核人签署之前撤回提交，文档回到草稿。',
    answer: { json: { ...DECISION_EXAMPLE, status: 'draft', level: null } },
    errors: ['DOCUMENT.NOT_FOUND', 'DOCUMENT.ROLE_NOT_ALLOWED', 'DOCUMENT.INVALID_TRANSITION', 'DOCUMENT.VERSION_CONFLICT'],
  })
  @Post(':id/withdraw')
  @DocumentRoute()
  @HttpCode(200)
  withdraw(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: VersionDto): Promise<ReviewDecisionView> {
    return this.services.send(REVIEW_RPC.withdraw, context, { documentId: id, version: dto.version });
  }
}

/** The one uploaded file of a multipart request (size-limited by the multipart plugin → 413). */
async function uploadedFile(request: FastifyRequest): Promise<NonNullable<ImportReportRequest['file']>> {
  const part = await request.file();
  if (part === undefined || part.fieldname !== 'file') {
    throw new DomainError('REQUEST.INVALID', { field: 'file' }, '请以 file 字段上传报告文件');
  }
  const bytes = await part.toBuffer();
  return { filename: part.filename, contentType: part.mimetype, base64: bytes.toString('base64') };
}

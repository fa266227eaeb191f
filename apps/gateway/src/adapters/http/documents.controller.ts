import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { PositiveIntParamPipe } from './input/int-param.pipe.js';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/v1/documents')
export class DocumentsController {
  constructor(private readonly services: ServiceCalls) {}

  @Post()
  create(@Ctx() context: RequestContext, @Body() dto: CreateDocumentDto): Promise<DocumentView> {
    const request: CreateDocumentRequest =
      dto.kind === 'article'
        ? { kind: 'article', title: dto.title ?? '', column: dto.column ?? '', body: dto.body ?? '' }
        : { kind: 'annual_report', year: dto.year ?? 0 };
    return this.services.send(DRAFTING_RPC.create, context, request);
  }

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

  @Get()
  list(@Ctx() context: RequestContext, @Query() query: ListDocumentsQueryDto): Promise<DocumentPage> {
    return this.services.send(DRAFTING_RPC.list, context, query);
  }

  @Get(':id')
  get(@Ctx() context: RequestContext, @Param('id', uuid) id: string): Promise<DocumentView> {
    return this.services.send(DRAFTING_RPC.get, context, { documentId: id });
  }

  @Patch(':id')
  revise(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: PatchDocumentDto): Promise<DocumentView> {
    return this.services.send(DRAFTING_RPC.revise, context, { documentId: id, version: dto.version, content: dto.content });
  }

  @Get(':id/versions')
  versions(@Ctx() context: RequestContext, @Param('id', uuid) id: string): Promise<Omit<DocumentVersionView, 'content'>[]> {
    return this.services.send(DRAFTING_RPC.listVersions, context, { documentId: id });
  }

  @Get(':id/versions/:version')
  version(
    @Ctx() context: RequestContext,
    @Param('id', uuid) id: string,
    @Param('version', PositiveIntParamPipe) version: number,
  ): Promise<DocumentVersionView> {
    return this.services.send(DRAFTING_RPC.getVersion, context, { documentId: id, version });
  }

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

  @Post(':id/check')
  @HttpCode(200)
  check(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: CheckDocumentDto): Promise<DocumentCheckView> {
    return this.services.send(DRAFTING_RPC.check, context, { documentId: id, ...(dto.version === undefined ? {} : { version: dto.version }) });
  }

  @Get(':id/diff')
  diff(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Query() query: DiffQueryDto): Promise<DocumentDiffView> {
    return this.services.send(DRAFTING_RPC.diff, context, { documentId: id, ...query });
  }

  @Post(':id/discard')
  @HttpCode(200)
  @ApiOperation({ summary: '删除草稿', description: '起草人或科室负责人删除从未发布过的草稿（须填写理由）：文档从所有列表中消失，操作记录保留在审计账本中；年度报告的年份随之释放。' })
  discard(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: DiscardDocumentDto): Promise<DocumentView> {
    return this.services.send(DRAFTING_RPC.discard, context, { documentId: id, version: dto.version, reason: dto.reason });
  }

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

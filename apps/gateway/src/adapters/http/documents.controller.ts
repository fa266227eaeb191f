import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DRAFTING_RPC, REVIEW_RPC } from '@sanshen/contracts';
import type { CreateDocumentRequest, DocumentPage, DocumentVersionView, DocumentView, ReviewDecisionView } from '@sanshen/contracts';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { CreateDocumentDto, ListDocumentsQueryDto, PatchDocumentDto, VersionDto } from './dto/document.dto.js';
import { ServiceCalls } from './service-calls.js';

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
    @Param('version', ParseIntPipe) version: number,
  ): Promise<DocumentVersionView> {
    return this.services.send(DRAFTING_RPC.getVersion, context, { documentId: id, version });
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: VersionDto): Promise<DocumentView> {
    return this.services.send(DRAFTING_RPC.submit, context, { documentId: id, version: dto.version });
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: VersionDto): Promise<ReviewDecisionView> {
    return this.services.send(REVIEW_RPC.withdraw, context, { documentId: id, version: dto.version });
  }
}

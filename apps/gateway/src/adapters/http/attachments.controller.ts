import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { DocumentView, RemoveAttachmentRequest } from '@sanshen/contracts';
import { ATTACHMENT_TYPES, DomainError } from '@sanshen/kernel';
import { sendDownload } from '@sanshen/platform/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import { DownloadAttachmentUseCase } from '../../use-cases/download-attachment/download-attachment.use-case.js';
import { UploadAttachmentUseCase } from '../../use-cases/upload-attachment/upload-attachment.use-case.js';
import type { UploadedFile } from '../../use-cases/upload-attachment/upload-attachment.use-case.js';
import { DocumentRoute } from '../auth/document-visible.guard.js';
import { Ctx } from '../auth/request-context.js';
import { RequireRole } from '../auth/require-role.guard.js';
import type { RequestContext } from '../auth/request-context.js';
import { AttachmentParamsDto, AttachmentVersionQueryDto, UploadAttachmentQueryDto } from './dto/attachment.dto.js';
import { VersionDto } from './dto/document.dto.js';
import { ApiRoute } from './openapi/api-route.js';
import { DOCUMENT_EXAMPLE } from './openapi/examples.js';
import { ServiceCalls } from './service-calls.js';

const uuid = new ParseUUIDPipe({ version: undefined });

const ATTACHMENT_EXAMPLE = { sha256: '9f2c4e1a7b3d5c8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70', filename: '2025年专精特新中小企业名单.pdf', mediaType: 'application/pdf', size: 183_204 };
const WITH_ATTACHMENT = { ...DOCUMENT_EXAMPLE, version: 4, content: { ...DOCUMENT_EXAMPLE.content as object, attachments: [ATTACHMENT_EXAMPLE] } };

/** 附件 of a draft: upload (a new version), remove (a new version), download (whoever may read the document). */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/v1/documents')
export class AttachmentsController {
  constructor(
    private readonly services: ServiceCalls,
    private readonly upload: UploadAttachmentUseCase,
    private readonly download: DownloadAttachmentUseCase,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @ApiRoute({
    summary: '上传附件',
    description:
      '起草人为草稿添加附件（multipart 的 file；?version= 为所依据的版本号）：PDF、Word（.docx）、Excel（.xlsx）、OFD、JPG、PNG，类型以文件内容判定，须与后缀一致；大小上限由 ATTACHMENT_MAX_BYTES 配置（默认 20 MiB）。附件的文字被提取并与正文一样做内容检查（图片不做文字识别）。添加附件生成新版本，已有签署全部作废；附件的哈希计入内容哈希。被拒绝的文件不会被保存。',
    answer: { json: WITH_ATTACHMENT },
    errors: [
      'DOCUMENT.NOT_FOUND',
      'DOCUMENT.ROLE_NOT_ALLOWED',
      'DOCUMENT.NOT_IN_SCOPE',
      'DOCUMENT.NOT_EDITABLE',
      'DOCUMENT.CORRECTION_REQUIRED',
      'DOCUMENT.VERSION_STALE',
      'DOCUMENT.VERSION_CONFLICT',
      'ATTACHMENT.NOT_ARTICLE',
      'ATTACHMENT.FILENAME_INVALID',
      'ATTACHMENT.TYPE_NOT_ALLOWED',
      'ATTACHMENT.TYPE_MISMATCH',
      'ATTACHMENT.TOO_LARGE',
      'ATTACHMENT.EMPTY',
      'ATTACHMENT.ARCHIVE_UNSAFE',
      'ATTACHMENT.UNREADABLE',
      'ATTACHMENT.DUPLICATE',
      'ATTACHMENT.LIMIT_REACHED',
      'ATTACHMENT.STORAGE_UNAVAILABLE',
    ],
  })
  @Post(':id/attachments')
  @DocumentRoute()
  @RequireRole('drafter')
  @ApiConsumes('multipart/form-data')
  @HttpCode(201)
  async add(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Query() query: UploadAttachmentQueryDto, @Req() request: FastifyRequest): Promise<DocumentView> {
    const file = await this.uploadedFile(request);
    return this.upload.execute(context, id, query.version, file);
  }

  @ApiRoute({
    summary: '删除附件',
    description: '起草人从草稿中删除一个附件（按其 sha256），生成新版本，已有签署全部作废。',
    answer: { json: { ...DOCUMENT_EXAMPLE, version: 5 } },
    errors: ['DOCUMENT.NOT_FOUND', 'DOCUMENT.ROLE_NOT_ALLOWED', 'DOCUMENT.NOT_IN_SCOPE', 'DOCUMENT.NOT_EDITABLE', 'DOCUMENT.CORRECTION_REQUIRED', 'DOCUMENT.VERSION_STALE', 'DOCUMENT.VERSION_CONFLICT', 'ATTACHMENT.NOT_FOUND', 'ATTACHMENT.NOT_ARTICLE'],
  })
  @Delete(':id/attachments/:sha256')
  @DocumentRoute()
  remove(@Ctx() context: RequestContext, @Param() params: AttachmentParamsDto, @Body() dto: VersionDto): Promise<DocumentView> {
    return this.services.send<DocumentView, RemoveAttachmentRequest>(DRAFTING_RPC.removeAttachment, context, { documentId: params.id, version: dto.version, sha256: params.sha256 });
  }

  @ApiRoute({
    summary: '下载附件',
    description: '下载文档某一版本（默认当前版本）的附件：可以查看该文档的人均可下载，其他人一律 404。以附件方式下载（Content-Disposition，中文文件名按 RFC 5987 编码），类型为上传时按内容判定的类型。',
    answer: { file: Object.values(ATTACHMENT_TYPES).map((type) => type.mediaType) },
    errors: ['DOCUMENT.NOT_FOUND', 'ATTACHMENT.NOT_FOUND', 'ATTACHMENT.STORAGE_UNAVAILABLE'],
  })
  @Get(':id/attachments/:sha256')
  @DocumentRoute()
  @ApiProduces(...Object.values(ATTACHMENT_TYPES).map((type) => type.mediaType))
  async get(@Ctx() context: RequestContext, @Param() params: AttachmentParamsDto, @Query() query: AttachmentVersionQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const { attachment, bytes } = await this.download.execute(context, { documentId: params.id, sha256: params.sha256, ...(query.version === undefined ? {} : { version: query.version }) });
    await sendDownload(reply, { filename: attachment.filename, mediaType: attachment.mediaType, bytes }, 'private, no-store');
  }

  /** The one `file` part, bounded by ATTACHMENT_MAX_BYTES: a larger one is 413 and is never stored. */
  private async uploadedFile(request: FastifyRequest): Promise<UploadedFile> {
    if (!request.isMultipart()) throw new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', { expected: 'multipart/form-data' });
    // preservePath: the name as sent, so a path in it is refused rather than silently cut off.
    const part = await request.file({ preservePath: true, limits: { fileSize: this.config.attachmentMaxBytes, files: 1 } });
    if (part === undefined || part.fieldname !== 'file') throw new DomainError('REQUEST.INVALID', { field: 'file' }, '请以 file 字段上传附件');
    try {
      return { filename: part.filename, bytes: new Uint8Array(await part.toBuffer()) };
    } catch (error) {
      if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('ATTACHMENT.TOO_LARGE', { maxBytes: this.config.attachmentMaxBytes });
      throw error;
    }
  }
}

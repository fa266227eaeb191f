import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { AggregateReportsRequest, AggregateView, CheckDocumentRequest, CreateDocumentRequest, DiffDocumentRequest, DiscardDocumentRequest, DocumentAccessView, DocumentCheckView, DocumentCountsView, DocumentDiffView, DocumentPage, DocumentSummariesRequest, DocumentSummaryList, DocumentVersionView, DocumentView, GetDocumentRequest, GetVersionRequest, ImportedDocumentView, ImportReportRequest, ListDocumentsRequest, RenderedReportView, RenderReportRequest, ReviseDocumentRequest, RpcRequest, SubmitDocumentRequest } from '@sanshen/contracts';
import type { AddAttachmentRequest, AttachmentTextRequest, AttachmentTextView, AttachmentView, GetAttachmentRequest, RemoveAttachmentRequest } from '@sanshen/contracts';
import { RpcPattern, requireActor } from '@sanshen/platform/rpc';
import { AddAttachmentUseCase } from '../use-cases/add-attachment/add-attachment.use-case.js';
import { GetAttachmentUseCase } from '../use-cases/get-attachment/get-attachment.use-case.js';
import { RemoveAttachmentUseCase } from '../use-cases/remove-attachment/remove-attachment.use-case.js';
import { AggregateReportsUseCase } from '../use-cases/aggregate-reports/aggregate-reports.use-case.js';
import { CheckDocumentAccessUseCase } from '../use-cases/check-document-access/check-document-access.use-case.js';
import { CheckDocumentUseCase } from '../use-cases/check-document/check-document.use-case.js';
import { CountDocumentsUseCase } from '../use-cases/count-documents/count-documents.use-case.js';
import { CreateDocumentUseCase } from '../use-cases/create-document/create-document.use-case.js';
import { DiscardDocumentUseCase } from '../use-cases/discard-document/discard-document.use-case.js';
import { DiffDocumentUseCase } from '../use-cases/diff-document/diff-document.use-case.js';
import { GetDocumentUseCase } from '../use-cases/get-document/get-document.use-case.js';
import { GetVersionUseCase } from '../use-cases/get-version/get-version.use-case.js';
import { ImportReportUseCase } from '../use-cases/import-report/import-report.use-case.js';
import { ListDocumentsUseCase } from '../use-cases/list-documents/list-documents.use-case.js';
import { RenderReportUseCase } from '../use-cases/render-report/render-report.use-case.js';
import { ReviseDocumentUseCase } from '../use-cases/revise-document/revise-document.use-case.js';
import { SummarizeDocumentsUseCase } from '../use-cases/summarize-documents/summarize-documents.use-case.js';
import { SubmitDocumentUseCase } from '../use-cases/submit-document/submit-document.use-case.js';

@Controller()
export class DocumentRpcController {
  constructor(
    private readonly createDocument: CreateDocumentUseCase,
    private readonly reviseDocument: ReviseDocumentUseCase,
    private readonly submitDocument: SubmitDocumentUseCase,
    private readonly getDocument: GetDocumentUseCase,
    private readonly listDocuments: ListDocumentsUseCase,
    private readonly getVersion: GetVersionUseCase,
    private readonly checkDocument: CheckDocumentUseCase,
    private readonly importReport: ImportReportUseCase,
    private readonly diffDocument: DiffDocumentUseCase,
    private readonly aggregateReports: AggregateReportsUseCase,
    private readonly renderReport: RenderReportUseCase,
    private readonly checkDocumentAccess: CheckDocumentAccessUseCase,
    private readonly countDocuments: CountDocumentsUseCase,
    private readonly discardDocument: DiscardDocumentUseCase,
    private readonly summarizeDocuments: SummarizeDocumentsUseCase,
    private readonly addAttachmentUseCase: AddAttachmentUseCase,
    private readonly removeAttachmentUseCase: RemoveAttachmentUseCase,
    private readonly getAttachmentUseCase: GetAttachmentUseCase,
  ) {}

  @RpcPattern(DRAFTING_RPC.addAttachment)
  addAttachment(@Payload() request: RpcRequest<AddAttachmentRequest>): Promise<DocumentView> {
    return this.addAttachmentUseCase.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(DRAFTING_RPC.removeAttachment)
  removeAttachment(@Payload() request: RpcRequest<RemoveAttachmentRequest>): Promise<DocumentView> {
    return this.removeAttachmentUseCase.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(DRAFTING_RPC.getAttachment)
  attachment(@Payload() request: RpcRequest<GetAttachmentRequest>): Promise<AttachmentView> {
    return this.getAttachmentUseCase.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.attachmentText)
  attachmentText(@Payload() request: RpcRequest<AttachmentTextRequest>): Promise<AttachmentTextView> {
    return this.getAttachmentUseCase.text(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.create)
  create(@Payload() request: RpcRequest<CreateDocumentRequest>): Promise<DocumentView> {
    return this.createDocument.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(DRAFTING_RPC.revise)
  revise(@Payload() request: RpcRequest<ReviseDocumentRequest>): Promise<DocumentView> {
    return this.reviseDocument.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(DRAFTING_RPC.submit)
  submit(@Payload() request: RpcRequest<SubmitDocumentRequest>): Promise<DocumentView> {
    return this.submitDocument.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(DRAFTING_RPC.get)
  get(@Payload() request: RpcRequest<GetDocumentRequest>): Promise<DocumentView> {
    return this.getDocument.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.list)
  list(@Payload() request: RpcRequest<ListDocumentsRequest>): Promise<DocumentPage> {
    return this.listDocuments.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.getVersion)
  version(@Payload() request: RpcRequest<GetVersionRequest>): Promise<DocumentVersionView> {
    return this.getVersion.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.listVersions)
  versions(@Payload() request: RpcRequest<GetDocumentRequest>): Promise<Omit<DocumentVersionView, 'content'>[]> {
    return this.getVersion.list(requireActor(request), request.payload.documentId);
  }

  @RpcPattern(DRAFTING_RPC.check)
  check(@Payload() request: RpcRequest<CheckDocumentRequest>): Promise<DocumentCheckView> {
    return this.checkDocument.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.importReport)
  import(@Payload() request: RpcRequest<ImportReportRequest>): Promise<ImportedDocumentView> {
    return this.importReport.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(DRAFTING_RPC.diff)
  diff(@Payload() request: RpcRequest<DiffDocumentRequest>): Promise<DocumentDiffView> {
    return this.diffDocument.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.aggregate)
  aggregate(@Payload() request: RpcRequest<AggregateReportsRequest>): Promise<AggregateView> {
    return this.aggregateReports.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.discard)
  discard(@Payload() request: RpcRequest<DiscardDocumentRequest>): Promise<DocumentView> {
    return this.discardDocument.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(DRAFTING_RPC.summaries)
  summaries(@Payload() request: RpcRequest<DocumentSummariesRequest>): Promise<DocumentSummaryList> {
    return this.summarizeDocuments.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.access)
  access(@Payload() request: RpcRequest<GetDocumentRequest>): Promise<DocumentAccessView> {
    return this.checkDocumentAccess.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.counts)
  counts(@Payload() request: RpcRequest<Record<string, never>>): Promise<DocumentCountsView> {
    return this.countDocuments.execute(requireActor(request));
  }

  @RpcPattern(DRAFTING_RPC.render)
  render(@Payload() request: RpcRequest<RenderReportRequest>): Promise<RenderedReportView> {
    return this.renderReport.execute(requireActor(request), request.payload);
  }
}

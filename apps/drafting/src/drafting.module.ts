import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { CoreModule } from '@sanshen/platform/core';
import { BLOB_STORE } from '@sanshen/platform/core';
import type { BaseConfig, BlobStore } from '@sanshen/platform/core';
import { EventsModule } from '@sanshen/platform/events';
import { RpcModule } from '@sanshen/platform/rpc';
import type { Logger } from 'pino';
import { CatalogueRpcController } from './adapters/catalogue.rpc-controller.js';
import { DocumentRpcController } from './adapters/document.rpc-controller.js';
import { CatalogueRepository } from './persistence/catalogue.repository.js';
import { Catalogue1797000000000 } from './persistence/migrations/1797000000000-Catalogue.js';
import { AssignCatalogueEntryUseCase } from './use-cases/assign-catalogue-entry/assign-catalogue-entry.use-case.js';
import { ArticleCatalogueCheck } from './use-cases/catalogue/article-catalogue-check.js';
import { CreateColumnUseCase } from './use-cases/create-column/create-column.use-case.js';
import { ListColumnsUseCase } from './use-cases/list-columns/list-columns.use-case.js';
import { ReorderColumnsUseCase } from './use-cases/reorder-columns/reorder-columns.use-case.js';
import { ShowCatalogueSettingsUseCase } from './use-cases/show-catalogue-settings/show-catalogue-settings.use-case.js';
import { UpdateCatalogueSettingsUseCase } from './use-cases/update-catalogue-settings/update-catalogue-settings.use-case.js';
import { UpdateColumnUseCase } from './use-cases/update-column/update-column.use-case.js';
import { LifecycleConsumer } from './adapters/lifecycle.consumer.js';
import { DocumentVersionOrmEntity } from './persistence/document-version.orm-entity.js';
import { DocumentOrmEntity } from './persistence/document.orm-entity.js';
import { DocumentRepository } from './persistence/document.repository.js';
import { AttachmentTextOrmEntity } from './persistence/attachment-text.orm-entity.js';
import { AttachmentTextRepository } from './persistence/attachment-text.repository.js';
import { AttachmentTexts1797000000200 } from './persistence/migrations/1797000000200-AttachmentTexts.js';
import { AddAttachmentUseCase } from './use-cases/add-attachment/add-attachment.use-case.js';
import { GetAttachmentUseCase } from './use-cases/get-attachment/get-attachment.use-case.js';
import { RemoveAttachmentUseCase } from './use-cases/remove-attachment/remove-attachment.use-case.js';
import { CreateDraftingSchema1763769600000 } from './persistence/migrations/1763769600000-CreateDraftingSchema.js';
import { AnnualReportColumns1795400000000 } from './persistence/migrations/1795400000000-AnnualReportColumns.js';
import { DocumentReadFacts1796000000000 } from './persistence/migrations/1796000000000-DocumentReadFacts.js';
import { DictionaryCopy1796600000300 } from './persistence/migrations/1796600000300-DictionaryCopy.js';
import { DictionaryCopyRepository } from './persistence/dictionary-copy.repository.js';
import { DictionaryConsumer } from './adapters/dictionary.consumer.js';
import { FollowDictionaryUseCase } from './use-cases/follow-dictionary/follow-dictionary.use-case.js';
import { DictionaryCopy } from './use-cases/check-document/dictionary-copy.js';
import { AggregateReportsUseCase } from './use-cases/aggregate-reports/aggregate-reports.use-case.js';
import { CheckDocumentAccessUseCase } from './use-cases/check-document-access/check-document-access.use-case.js';
import { CheckDocumentUseCase } from './use-cases/check-document/check-document.use-case.js';
import { CountDocumentsUseCase } from './use-cases/count-documents/count-documents.use-case.js';
import { CreateDocumentUseCase } from './use-cases/create-document/create-document.use-case.js';
import { DiscardDocumentUseCase } from './use-cases/discard-document/discard-document.use-case.js';
import { DiffDocumentUseCase } from './use-cases/diff-document/diff-document.use-case.js';
import { GetDocumentUseCase } from './use-cases/get-document/get-document.use-case.js';
import { GetVersionUseCase } from './use-cases/get-version/get-version.use-case.js';
import { ImportReportUseCase } from './use-cases/import-report/import-report.use-case.js';
import { ListDocumentsUseCase } from './use-cases/list-documents/list-documents.use-case.js';
import { PreviousYearReports } from './use-cases/previous-year-report.js';
import { ProjectLifecycleUseCase } from './use-cases/project-lifecycle/project-lifecycle.use-case.js';
import { RenderReportUseCase } from './use-cases/render-report/render-report.use-case.js';
import { ReviseDocumentUseCase } from './use-cases/revise-document/revise-document.use-case.js';
import { SummarizeDocumentsUseCase } from './use-cases/summarize-documents/summarize-documents.use-case.js';
import { SubmitDocumentUseCase } from './use-cases/submit-document/submit-document.use-case.js';

export const DRAFTING_SERVICE = 'drafting';

@Module({})
export class DraftingModule {
  static register(config: BaseConfig, logger: Logger, attachments: BlobStore): DynamicModule {
    return {
      module: DraftingModule,
      imports: [
        CoreModule.forService({
          service: DRAFTING_SERVICE,
          config,
          logger,
          database: {
            schema: DRAFTING_SERVICE,
            entities: [DocumentOrmEntity, DocumentVersionOrmEntity, AttachmentTextOrmEntity],
            migrations: [
              CreateDraftingSchema1763769600000,
              AnnualReportColumns1795400000000,
              DocumentReadFacts1796000000000,
              DictionaryCopy1796600000300,
              Catalogue1797000000000,
              AttachmentTexts1797000000200,
            ],
          },
        }),
        RpcModule.forService({ service: DRAFTING_SERVICE, config }),
        EventsModule.forService({ service: DRAFTING_SERVICE, produces: true, handlers: [LifecycleConsumer, DictionaryConsumer] }),
      ],
      controllers: [DocumentRpcController, CatalogueRpcController],
      providers: [
        { provide: BLOB_STORE, useValue: attachments },
        DocumentRepository,
        AttachmentTextRepository,
        AddAttachmentUseCase,
        RemoveAttachmentUseCase,
        GetAttachmentUseCase,
        CreateDocumentUseCase,
        ReviseDocumentUseCase,
        SubmitDocumentUseCase,
        GetDocumentUseCase,
        ListDocumentsUseCase,
        GetVersionUseCase,
        PreviousYearReports,
        CheckDocumentUseCase,
        DictionaryCopyRepository,
        DictionaryCopy,
        FollowDictionaryUseCase,
        DictionaryConsumer,
        ImportReportUseCase,
        DiffDocumentUseCase,
        AggregateReportsUseCase,
        RenderReportUseCase,
        CheckDocumentAccessUseCase,
        CountDocumentsUseCase,
        DiscardDocumentUseCase,
        SummarizeDocumentsUseCase,
        ProjectLifecycleUseCase,
        LifecycleConsumer,
        CatalogueRepository,
        ArticleCatalogueCheck,
        ListColumnsUseCase,
        CreateColumnUseCase,
        UpdateColumnUseCase,
        ReorderColumnsUseCase,
        ShowCatalogueSettingsUseCase,
        UpdateCatalogueSettingsUseCase,
        AssignCatalogueEntryUseCase,
      ],
    };
  }
}

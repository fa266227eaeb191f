import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { BLOB_STORE, CoreModule } from '@sanshen/platform/core';
import type { BaseConfig, BlobStore } from '@sanshen/platform/core';
import type { Logger } from 'pino';
import { PagesController } from './adapters/pages.controller.js';
import { PushController } from './adapters/push.controller.js';
import { RawJsonBody } from './adapters/raw-json-body.js';
import { PORTAL_CONFIG } from './config/portal.config.js';
import type { PortalConfig } from './config/portal.config.js';
import { CreatePortalPages1795307512096 } from './persistence/migrations/1795307512096-CreatePortalPages.js';
import { SearchPagesUseCase } from './use-cases/search-pages/search-pages.use-case.js';
import { ShowColumnUseCase } from './use-cases/show-column/show-column.use-case.js';
import { CatalogueAndSearch1797000000100 } from './persistence/migrations/1797000000100-CatalogueAndSearch.js';
import { PageOrmEntity } from './persistence/page.orm-entity.js';
import { PageAttachments1797000000000 } from './persistence/migrations/1797000000000-PageAttachments.js';
import { ReceiveAttachmentUseCase } from './use-cases/receive-attachment/receive-attachment.use-case.js';
import { ShowAttachmentUseCase } from './use-cases/show-attachment/show-attachment.use-case.js';
import { PreviewPageUseCase } from './use-cases/preview-page/preview-page.use-case.js';
import { PageRepository } from './persistence/page.repository.js';
import { RetractionOrmEntity } from './persistence/retraction.orm-entity.js';
import { ListPublishedUseCase } from './use-cases/list-published/list-published.use-case.js';
import { ReceivePushUseCase } from './use-cases/receive-push/receive-push.use-case.js';
import { RetractPageUseCase } from './use-cases/retract-page/retract-page.use-case.js';
import { ShowAgencyUseCase } from './use-cases/show-agency/show-agency.use-case.js';
import { ShowHomeUseCase } from './use-cases/show-home/show-home.use-case.js';
import { ShowPageUseCase } from './use-cases/show-page/show-page.use-case.js';

export interface PortalModuleOptions {
  base: BaseConfig;
  portal: PortalConfig;
  logger: Logger;
  /** The portal's own attachment store (its own directory or bucket: it copies what is pushed). */
  attachments: BlobStore;
}

/** The bundled municipal website: signed pushes in, public pages out. HTTP only (no RPC). */
@Module({})
export class PortalModule {
  static forRoot(options: PortalModuleOptions): DynamicModule {
    return {
      module: PortalModule,
      imports: [
        // Core only: pushes come over HTTP, the portal never uses NATS, so its readiness does not wait on it.
        CoreModule.forService({
          service: 'portal',
          config: options.base,
          logger: options.logger,
          database: {
            schema: 'portal',
            entities: [PageOrmEntity, RetractionOrmEntity],
            migrations: [CreatePortalPages1795307512096, PageAttachments1797000000000, CatalogueAndSearch1797000000100],
          },
        }),
      ],
      controllers: [PushController, PagesController],
      providers: [
        { provide: PORTAL_CONFIG, useValue: options.portal },
        { provide: BLOB_STORE, useValue: options.attachments },
        ReceiveAttachmentUseCase,
        ShowAttachmentUseCase,
        RawJsonBody,
        PreviewPageUseCase,
        PageRepository,
        ReceivePushUseCase,
        RetractPageUseCase,
        ShowHomeUseCase,
        ShowAgencyUseCase,
        ShowPageUseCase,
        ListPublishedUseCase,
        ShowColumnUseCase,
        SearchPagesUseCase,
      ],
    };
  }
}

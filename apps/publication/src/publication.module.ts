import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { BLOB_STORE, CoreModule } from '@sanshen/platform/core';
import type { BaseConfig, BlobStore } from '@sanshen/platform/core';
import { EventsModule } from '@sanshen/platform/events';
import { QueuesModule } from '@sanshen/platform/queues';
import { RpcModule } from '@sanshen/platform/rpc';
import type { Logger } from 'pino';
import { PublicationMetrics } from './adapters/publication.metrics.js';
import { PublicationPushProcessor } from './adapters/publication-push.processor.js';
import { PublicationRpcController } from './adapters/publication.rpc-controller.js';
import { SanshenPortalTarget } from './adapters/sanshen-portal.target.js';
import { SecrecyClearedConsumer } from './adapters/secrecy-cleared.consumer.js';
import { PUBLICATION_CONFIG } from './config/publication.config.js';
import type { PublicationConfig } from './config/publication.config.js';
import { CreatePublicationTables1795308109163 } from './persistence/migrations/1795308109163-CreatePublicationTables.js';
import { AddSchedulesRetractionCorrection1795400000000 } from './persistence/migrations/1795400000000-AddSchedulesRetractionCorrection.js';
import { AddPublicationNotifications1795600000000 } from './persistence/migrations/1795600000000-AddPublicationNotifications.js';
import { PublicationAttemptOrmEntity } from './persistence/publication-attempt.orm-entity.js';
import { PublicationNotificationOrmEntity } from './persistence/publication-notification.orm-entity.js';
import { PublicationScheduleOrmEntity } from './persistence/publication-schedule.orm-entity.js';
import { PublicationOrmEntity } from './persistence/publication.orm-entity.js';
import { PublicationRepository } from './persistence/publication.repository.js';
import { PUSH_QUEUE, PushQueue } from './queue/push-queue.js';
import { AuthorizeRetractionUseCase } from './use-cases/authorize-retraction/authorize-retraction.use-case.js';
import { InspectQueueUseCase } from './use-cases/inspect-queue/inspect-queue.use-case.js';
import { PreviewPageUseCase } from './use-cases/preview-page/preview-page.use-case.js';
import { ListPublicationTasksUseCase } from './use-cases/list-publication-tasks/list-publication-tasks.use-case.js';
import { ListNotificationsUseCase } from './use-cases/list-notifications/list-notifications.use-case.js';
import { GetPublicationUseCase } from './use-cases/get-publication/get-publication.use-case.js';
import { PORTAL_TARGET } from './use-cases/push-publication/portal-target.js';
import type { PortalTarget } from './use-cases/push-publication/portal-target.js';
import { PushPublicationUseCase } from './use-cases/push-publication/push-publication.use-case.js';
import { ResumePublicationsUseCase } from './use-cases/resume-publications/resume-publications.use-case.js';
import { RequestRetractionUseCase } from './use-cases/request-retraction/request-retraction.use-case.js';
import { RetryPublicationUseCase } from './use-cases/retry-publication/retry-publication.use-case.js';
import { SchedulePublicationUseCase } from './use-cases/schedule-publication/schedule-publication.use-case.js';
import { StartCorrectionUseCase } from './use-cases/start-correction/start-correction.use-case.js';
import { PublicationTransition } from './use-cases/publication-transition.js';
import { StartPublicationUseCase } from './use-cases/start-publication/start-publication.use-case.js';

export interface PublicationModuleOptions {
  config: BaseConfig;
  publication: PublicationConfig;
  logger: Logger;
  /** The attachment store drafting and the gateway use: the target reads the bytes it uploads from it. */
  attachments: BlobStore;
}

function portalTargetFor(config: PublicationConfig, attachments: BlobStore): PortalTarget {
  switch (config.portalTarget) {
    case 'sanshen-portal':
      return new SanshenPortalTarget(config, attachments);
  }
}

@Module({})
export class PublicationModule {
  static forRoot(options: PublicationModuleOptions): DynamicModule {
    return {
      module: PublicationModule,
      imports: [
        CoreModule.forService({
          service: 'publication',
          config: options.config,
          logger: options.logger,
          database: {
            schema: 'publication',
            entities: [PublicationOrmEntity, PublicationAttemptOrmEntity, PublicationScheduleOrmEntity, PublicationNotificationOrmEntity],
            migrations: [
              CreatePublicationTables1795308109163,
              AddSchedulesRetractionCorrection1795400000000,
              AddPublicationNotifications1795600000000,
            ],
          },
        }),
        RpcModule.forService({ service: 'publication', config: options.config }),
        EventsModule.forService({ service: 'publication', produces: true, handlers: [SecrecyClearedConsumer] }),
        QueuesModule.forService({ config: options.config, queues: [PUSH_QUEUE] }),
      ],
      controllers: [PublicationRpcController],
      providers: [
        { provide: PUBLICATION_CONFIG, useValue: options.publication },
        PublicationMetrics,
        { provide: BLOB_STORE, useValue: options.attachments },
        { provide: PORTAL_TARGET, inject: [PUBLICATION_CONFIG, BLOB_STORE], useFactory: portalTargetFor },
        PublicationRepository,
        PushQueue,
        PublicationTransition,
        StartPublicationUseCase,
        PushPublicationUseCase,
        GetPublicationUseCase,
        RetryPublicationUseCase,
        SchedulePublicationUseCase,
        RequestRetractionUseCase,
        AuthorizeRetractionUseCase,
        StartCorrectionUseCase,
        InspectQueueUseCase,
        ListNotificationsUseCase,
        ListPublicationTasksUseCase,
        PreviewPageUseCase,
        ResumePublicationsUseCase,
        SecrecyClearedConsumer,
        PublicationPushProcessor,
      ],
    };
  }
}

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { CoreModule } from '@sanshen/platform/core';
import type { BaseConfig } from '@sanshen/platform/core';
import { EventsModule } from '@sanshen/platform/events';
import { QueuesModule } from '@sanshen/platform/queues';
import { RpcModule } from '@sanshen/platform/rpc';
import type { Logger } from 'pino';
import { ReviewMetrics } from './adapters/review.metrics.js';
import { DocumentSubmittedConsumer } from './adapters/document-submitted.consumer.js';
import { ReviewReminderProcessor } from './adapters/review-reminder.processor.js';
import { ReviewRpcController } from './adapters/review.rpc-controller.js';
import { WebhookNotifier } from './adapters/webhook.notifier.js';
import { REVIEW_CONFIG } from './config/review.config.js';
import type { ReviewConfig } from './config/review.config.js';
import { CreateReviewSchema1763769600000 } from './persistence/migrations/1763769600000-CreateReviewSchema.js';
import { DelegationsRemindersNotifications1795500000000 } from './persistence/migrations/1795500000000-DelegationsRemindersNotifications.js';
import { ReminderSweep1798000000000 } from './persistence/migrations/1798000000000-ReminderSweep.js';
import { ReviewCaseOrmEntity } from './persistence/review-case.orm-entity.js';
import { ReviewDelegationOrmEntity } from './persistence/review-delegation.orm-entity.js';
import { ReviewNotificationOrmEntity } from './persistence/review-notification.orm-entity.js';
import { ReviewSignatureOrmEntity } from './persistence/review-signature.orm-entity.js';
import { ReviewRepository } from './persistence/review.repository.js';
import { REMINDER_QUEUE, ReminderQueue } from './queue/reminder-queue.js';
import { ApproveDocumentUseCase } from './use-cases/approve-document/approve-document.use-case.js';
import { CaseTransition } from './use-cases/case-transition.js';
import { CreateDelegationUseCase } from './use-cases/create-delegation/create-delegation.use-case.js';
import { GetApprovalSheetUseCase } from './use-cases/get-approval-sheet/get-approval-sheet.use-case.js';
import { ListDelegatesUseCase } from './use-cases/list-delegates/list-delegates.use-case.js';
import { ListDelegatedDutiesUseCase } from './use-cases/list-delegated-duties/list-delegated-duties.use-case.js';
import { ListDelegationsUseCase } from './use-cases/list-delegations/list-delegations.use-case.js';
import { ListInboxUseCase } from './use-cases/list-inbox/list-inbox.use-case.js';
import { ListNotificationsUseCase } from './use-cases/list-notifications/list-notifications.use-case.js';
import { OpenReviewUseCase } from './use-cases/open-review/open-review.use-case.js';
import { ReturnDocumentUseCase } from './use-cases/return-document/return-document.use-case.js';
import { RevokeDelegationUseCase } from './use-cases/revoke-delegation/revoke-delegation.use-case.js';
import { ScheduleReminderSweepUseCase } from './use-cases/send-reminder/schedule-reminder-sweep.use-case.js';
import { SendReminderUseCase } from './use-cases/send-reminder/send-reminder.use-case.js';
import { SweepRemindersUseCase } from './use-cases/send-reminder/sweep-reminders.use-case.js';
import { WithdrawDocumentUseCase } from './use-cases/withdraw-document/withdraw-document.use-case.js';

export const REVIEW_SERVICE = 'review';

@Module({})
export class ReviewModule {
  /** `review`: the service's own settings (REVIEW_*), read with the base settings at boot (main.ts). */
  static register(config: BaseConfig, logger: Logger, review: ReviewConfig): DynamicModule {
    return {
      module: ReviewModule,
      imports: [
        CoreModule.forService({
          service: REVIEW_SERVICE,
          config,
          logger,
          database: {
            schema: REVIEW_SERVICE,
            entities: [ReviewCaseOrmEntity, ReviewSignatureOrmEntity, ReviewDelegationOrmEntity, ReviewNotificationOrmEntity],
            migrations: [CreateReviewSchema1763769600000, DelegationsRemindersNotifications1795500000000, ReminderSweep1798000000000],
          },
        }),
        RpcModule.forService({ service: REVIEW_SERVICE, config }),
        EventsModule.forService({ service: REVIEW_SERVICE, produces: true, handlers: [DocumentSubmittedConsumer] }),
        QueuesModule.forService({ config, queues: [REMINDER_QUEUE] }),
      ],
      controllers: [ReviewRpcController],
      providers: [
        { provide: REVIEW_CONFIG, useValue: review },
        ReviewMetrics,
        ReviewRepository,
        ReminderQueue,
        WebhookNotifier,
        CaseTransition,
        OpenReviewUseCase,
        ApproveDocumentUseCase,
        ReturnDocumentUseCase,
        WithdrawDocumentUseCase,
        ListInboxUseCase,
        GetApprovalSheetUseCase,
        CreateDelegationUseCase,
        ListDelegationsUseCase,
        ListDelegatedDutiesUseCase,
        ListDelegatesUseCase,
        RevokeDelegationUseCase,
        ListNotificationsUseCase,
        SendReminderUseCase,
        SweepRemindersUseCase,
        ScheduleReminderSweepUseCase,
        DocumentSubmittedConsumer,
        ReviewReminderProcessor,
      ],
    };
  }
}

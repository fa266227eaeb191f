import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { PlatformModule, messagingProvider } from '@sanshen/platform';
import type { BaseConfig } from '@sanshen/platform';
import type { Logger } from 'pino';
import { DocumentSubmittedConsumer } from './adapters/document-submitted.consumer.js';
import { ReviewRpcController } from './adapters/review.rpc-controller.js';
import { CreateReviewSchema1763769600000 } from './persistence/migrations/1763769600000-CreateReviewSchema.js';
import { ReviewCaseOrmEntity } from './persistence/review-case.orm-entity.js';
import { ReviewSignatureOrmEntity } from './persistence/review-signature.orm-entity.js';
import { ReviewRepository } from './persistence/review.repository.js';
import { ApproveDocumentUseCase } from './use-cases/approve-document/approve-document.use-case.js';
import { CaseTransition } from './use-cases/case-transition.js';
import { ListInboxUseCase } from './use-cases/list-inbox/list-inbox.use-case.js';
import { OpenReviewUseCase } from './use-cases/open-review/open-review.use-case.js';
import { ReturnDocumentUseCase } from './use-cases/return-document/return-document.use-case.js';
import { WithdrawDocumentUseCase } from './use-cases/withdraw-document/withdraw-document.use-case.js';

export const REVIEW_SERVICE = 'review';

@Module({})
export class ReviewModule {
  static register(config: BaseConfig, logger: Logger): DynamicModule {
    return {
      module: ReviewModule,
      imports: [
        PlatformModule.forService({
          service: REVIEW_SERVICE,
          config,
          logger,
          database: {
            schema: REVIEW_SERVICE,
            entities: [ReviewCaseOrmEntity, ReviewSignatureOrmEntity],
            migrations: [CreateReviewSchema1763769600000],
          },
        }),
      ],
      controllers: [ReviewRpcController],
      providers: [
        ReviewRepository,
        CaseTransition,
        OpenReviewUseCase,
        ApproveDocumentUseCase,
        ReturnDocumentUseCase,
        WithdrawDocumentUseCase,
        ListInboxUseCase,
        DocumentSubmittedConsumer,
        ...messagingProvider({ service: REVIEW_SERVICE, produces: true, handlers: [DocumentSubmittedConsumer] }),
      ],
    };
  }
}

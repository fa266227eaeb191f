import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { CoreModule } from '@sanshen/platform/core';
import type { BaseConfig } from '@sanshen/platform/core';
import { EventsModule } from '@sanshen/platform/events';
import { RpcModule } from '@sanshen/platform/rpc';
import type { Logger } from 'pino';
import { DictionaryRpcController } from './adapters/dictionary.rpc-controller.js';
import { ReviewProgressConsumer } from './adapters/review-progress.consumer.js';
import { SecrecyRpcController } from './adapters/secrecy.rpc-controller.js';
import { DictionaryRepository } from './persistence/dictionary.repository.js';
import { CreateSecrecySchema1763769600000 } from './persistence/migrations/1763769600000-CreateSecrecySchema.js';
import { AddScansAndDictionary1795309216380 } from './persistence/migrations/1795309216380-AddScansAndDictionary.js';
import { CaseStageFacts1796000000000 } from './persistence/migrations/1796000000000-CaseStageFacts.js';
import { SecrecyCaseOrmEntity } from './persistence/secrecy-case.orm-entity.js';
import { SecrecyDecisionOrmEntity } from './persistence/secrecy-decision.orm-entity.js';
import { SecrecyFindingOrmEntity } from './persistence/secrecy-finding.orm-entity.js';
import { SecrecyScanOrmEntity } from './persistence/secrecy-scan.orm-entity.js';
import { SecrecyRepository } from './persistence/secrecy.repository.js';
import { AnswerReferralUseCase } from './use-cases/answer-referral/answer-referral.use-case.js';
import { ChangeDictionaryUseCase } from './use-cases/change-dictionary/change-dictionary.use-case.js';
import { ConcludeReview } from './use-cases/decide-secrecy/conclude-review.js';
import { DecideSecrecyUseCase } from './use-cases/decide-secrecy/decide-secrecy.use-case.js';
import { DisposeFindingUseCase } from './use-cases/dispose-finding/dispose-finding.use-case.js';
import { ListSecrecyTasksUseCase } from './use-cases/list-secrecy-tasks/list-secrecy-tasks.use-case.js';
import { GetSecrecyReviewUseCase } from './use-cases/get-secrecy-review/get-secrecy-review.use-case.js';
import { ListDictionaryUseCase } from './use-cases/list-dictionary/list-dictionary.use-case.js';
import { DictionaryPublisher } from './use-cases/publish-dictionary/dictionary-publisher.js';
import { PublishDictionaryAtBootUseCase } from './use-cases/publish-dictionary/publish-dictionary-at-boot.use-case.js';
import { DictionarySnapshots } from './use-cases/scan-version/dictionary-snapshot.js';
import { ScanVersionUseCase } from './use-cases/scan-version/scan-version.use-case.js';
import { TrackReviewUseCase } from './use-cases/track-review/track-review.use-case.js';

export const SECRECY_SERVICE = 'secrecy';

@Module({})
export class SecrecyModule {
  static register(config: BaseConfig, logger: Logger): DynamicModule {
    return {
      module: SecrecyModule,
      imports: [
        CoreModule.forService({
          service: SECRECY_SERVICE,
          config,
          logger,
          database: {
            schema: SECRECY_SERVICE,
            entities: [SecrecyCaseOrmEntity, SecrecyDecisionOrmEntity, SecrecyScanOrmEntity, SecrecyFindingOrmEntity],
            migrations: [CreateSecrecySchema1763769600000, AddScansAndDictionary1795309216380, CaseStageFacts1796000000000],
          },
        }),
        RpcModule.forService({ service: SECRECY_SERVICE, config }),
        EventsModule.forService({ service: SECRECY_SERVICE, produces: true, handlers: [ReviewProgressConsumer] }),
      ],
      controllers: [SecrecyRpcController, DictionaryRpcController],
      providers: [
        SecrecyRepository,
        DictionaryRepository,
        DictionarySnapshots,
        DictionaryPublisher,
        PublishDictionaryAtBootUseCase,
        ScanVersionUseCase,
        TrackReviewUseCase,
        ConcludeReview,
        DecideSecrecyUseCase,
        AnswerReferralUseCase,
        DisposeFindingUseCase,
        GetSecrecyReviewUseCase,
        ListSecrecyTasksUseCase,
        ListDictionaryUseCase,
        ChangeDictionaryUseCase,
        ReviewProgressConsumer,
      ],
    };
  }
}

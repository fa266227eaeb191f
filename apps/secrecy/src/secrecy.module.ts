import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { PlatformModule, messagingProvider } from '@sanshen/platform';
import type { BaseConfig } from '@sanshen/platform';
import type { Logger } from 'pino';
import { ReviewProgressConsumer } from './adapters/review-progress.consumer.js';
import { SecrecyRpcController } from './adapters/secrecy.rpc-controller.js';
import { CreateSecrecySchema1763769600000 } from './persistence/migrations/1763769600000-CreateSecrecySchema.js';
import { SecrecyCaseOrmEntity } from './persistence/secrecy-case.orm-entity.js';
import { SecrecyDecisionOrmEntity } from './persistence/secrecy-decision.orm-entity.js';
import { SecrecyRepository } from './persistence/secrecy.repository.js';
import { DecideSecrecyUseCase } from './use-cases/decide-secrecy/decide-secrecy.use-case.js';
import { GetSecrecyReviewUseCase } from './use-cases/get-secrecy-review/get-secrecy-review.use-case.js';
import { TrackReviewUseCase } from './use-cases/track-review/track-review.use-case.js';

export const SECRECY_SERVICE = 'secrecy';

@Module({})
export class SecrecyModule {
  static register(config: BaseConfig, logger: Logger): DynamicModule {
    return {
      module: SecrecyModule,
      imports: [
        PlatformModule.forService({
          service: SECRECY_SERVICE,
          config,
          logger,
          database: {
            schema: SECRECY_SERVICE,
            entities: [SecrecyCaseOrmEntity, SecrecyDecisionOrmEntity],
            migrations: [CreateSecrecySchema1763769600000],
          },
        }),
      ],
      controllers: [SecrecyRpcController],
      providers: [
        SecrecyRepository,
        TrackReviewUseCase,
        DecideSecrecyUseCase,
        GetSecrecyReviewUseCase,
        ReviewProgressConsumer,
        ...messagingProvider({ service: SECRECY_SERVICE, produces: true, handlers: [ReviewProgressConsumer] }),
      ],
    };
  }
}

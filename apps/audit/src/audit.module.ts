import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { CoreModule } from '@sanshen/platform/core';
import type { BaseConfig } from '@sanshen/platform/core';
import { EventsModule } from '@sanshen/platform/events';
import { RpcModule } from '@sanshen/platform/rpc';
import type { Logger } from 'pino';
import { AuditMetrics } from './adapters/audit.metrics.js';
import { AuditRpcController } from './adapters/audit.rpc-controller.js';
import { LedgerConsumer } from './adapters/ledger.consumer.js';
import { AUDIT_SCHEMA, AUDIT_SERVICE } from './config/audit.config.js';
import { DocumentStateOrmEntity } from './persistence/document-state.orm-entity.js';
import { DocumentStateRepository } from './persistence/document-state.repository.js';
import { LedgerEntryOrmEntity } from './persistence/ledger-entry.orm-entity.js';
import { LedgerHeadOrmEntity } from './persistence/ledger-head.orm-entity.js';
import { LedgerRepository } from './persistence/ledger.repository.js';
import { CreateLedger1795307527889 } from './persistence/migrations/1795307527889-CreateLedger.js';
import { ExportLedgerUseCase } from './use-cases/export-ledger/export-ledger.use-case.js';
import { GetTimelineUseCase } from './use-cases/get-timeline/get-timeline.use-case.js';
import { RecordEventUseCase } from './use-cases/record-event/record-event.use-case.js';
import { VerifyChainUseCase } from './use-cases/verify-chain/verify-chain.use-case.js';

export interface AuditModuleOptions {
  config: BaseConfig;
  logger: Logger;
}

/** The audit service: the ledger consumer, its timeline and verification RPCs, on the platform. */
@Module({})
export class AuditModule {
  static forRoot(options: AuditModuleOptions): DynamicModule {
    return {
      module: AuditModule,
      imports: [
        CoreModule.forService({
          service: AUDIT_SERVICE,
          config: options.config,
          logger: options.logger,
          database: {
            schema: AUDIT_SCHEMA,
            entities: [LedgerEntryOrmEntity, LedgerHeadOrmEntity, DocumentStateOrmEntity],
            migrations: [CreateLedger1795307527889],
          },
        }),
        RpcModule.forService({ service: AUDIT_SERVICE, config: options.config }),
        EventsModule.forService({ service: AUDIT_SERVICE, produces: false, handlers: [LedgerConsumer] }),
      ],
      controllers: [AuditRpcController],
      providers: [
        AuditMetrics,
        LedgerRepository,
        DocumentStateRepository,
        RecordEventUseCase,
        GetTimelineUseCase,
        VerifyChainUseCase,
        ExportLedgerUseCase,
        LedgerConsumer,
      ],
    };
  }
}

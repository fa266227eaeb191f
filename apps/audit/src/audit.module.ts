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
import { ChainVerificationScheduler } from './adapters/chain-verification.scheduler.js';
import { AUDIT_CONFIG, AUDIT_SCHEMA, AUDIT_SERVICE } from './config/audit.config.js';
import type { AuditConfig } from './config/audit.config.js';
import { DocumentStateOrmEntity } from './persistence/document-state.orm-entity.js';
import { DocumentStateRepository } from './persistence/document-state.repository.js';
import { LedgerEntryOrmEntity } from './persistence/ledger-entry.orm-entity.js';
import { LedgerHeadOrmEntity } from './persistence/ledger-head.orm-entity.js';
import { LedgerRepository } from './persistence/ledger.repository.js';
import { CreateLedger1795307527889 } from './persistence/migrations/1795307527889-CreateLedger.js';
import { CreateVerificationRun1796558625003 } from './persistence/migrations/1796558625003-CreateVerificationRun.js';
import { VerificationRunRepository } from './persistence/verification-run.repository.js';
import { ExportLedgerUseCase } from './use-cases/export-ledger/export-ledger.use-case.js';
import { GetTimelineUseCase } from './use-cases/get-timeline/get-timeline.use-case.js';
import { RecordEventUseCase } from './use-cases/record-event/record-event.use-case.js';
import { GetVerificationStatusUseCase } from './use-cases/get-verification-status/get-verification-status.use-case.js';
import { RequestVerificationUseCase } from './use-cases/request-verification/request-verification.use-case.js';
import { RunChainVerificationUseCase } from './use-cases/run-chain-verification/run-chain-verification.use-case.js';
import { VerifyDocumentChainUseCase } from './use-cases/verify-document-chain/verify-document-chain.use-case.js';

export interface AuditModuleOptions {
  config: BaseConfig;
  logger: Logger;
  audit: AuditConfig;
}

/** The audit service: the ledger consumer, its background verification, its timeline and verification RPCs, on the platform. */
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
            migrations: [CreateLedger1795307527889, CreateVerificationRun1796558625003],
          },
        }),
        RpcModule.forService({ service: AUDIT_SERVICE, config: options.config }),
        EventsModule.forService({ service: AUDIT_SERVICE, produces: false, handlers: [LedgerConsumer] }),
      ],
      controllers: [AuditRpcController],
      providers: [
        { provide: AUDIT_CONFIG, useValue: options.audit },
        AuditMetrics,
        LedgerRepository,
        DocumentStateRepository,
        VerificationRunRepository,
        RecordEventUseCase,
        GetTimelineUseCase,
        VerifyDocumentChainUseCase,
        RunChainVerificationUseCase,
        GetVerificationStatusUseCase,
        RequestVerificationUseCase,
        ExportLedgerUseCase,
        LedgerConsumer,
        ChainVerificationScheduler,
      ],
    };
  }
}

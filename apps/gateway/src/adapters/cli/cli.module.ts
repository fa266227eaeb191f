import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { CoreModule } from '@sanshen/platform/core';
import type { BaseConfig } from '@sanshen/platform/core';
import type { Logger } from 'pino';
import { IDENTITY_DATABASE } from '../../gateway.module.js';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import { CreateAgencyUseCase } from '../../use-cases/create-agency/create-agency.use-case.js';
import { CreatePlatformAdminUseCase } from '../../use-cases/create-platform-admin/create-platform-admin.use-case.js';

/** What the operator's command line needs: the identity schema (migrated) and its use cases. No NATS, no HTTP. */
@Module({})
export class CliModule {
  static register(config: BaseConfig, logger: Logger): DynamicModule {
    return {
      module: CliModule,
      imports: [CoreModule.forService({ service: 'gateway-cli', config, logger, database: IDENTITY_DATABASE })],
      providers: [OrganisationRepository, CreateAgencyUseCase, CreatePlatformAdminUseCase],
    };
  }
}

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PlatformModule } from '@sanshen/platform';
import type { Logger } from 'pino';
import { JwtAuthGuard } from './adapters/auth/jwt-auth.guard.js';
import { AuditController } from './adapters/http/audit.controller.js';
import { AuthController } from './adapters/http/auth.controller.js';
import { DocumentsController } from './adapters/http/documents.controller.js';
import { PublicationController } from './adapters/http/publication.controller.js';
import { ReviewsController } from './adapters/http/reviews.controller.js';
import { SecrecyController } from './adapters/http/secrecy.controller.js';
import { ServiceCalls } from './adapters/http/service-calls.js';
import { GATEWAY_CONFIG } from './config/gateway.config.js';
import type { GatewayConfig } from './config/gateway.config.js';
import { IDENTITY_ENTITIES } from './persistence/identity.orm-entities.js';
import { IdentityRepository } from './persistence/identity.repository.js';
import { CreateIdentitySchema1763769600000 } from './persistence/migrations/1763769600000-CreateIdentitySchema.js';
import { RefreshSessionUseCase } from './use-cases/refresh-session/refresh-session.use-case.js';
import { SeedDemoOrganisationUseCase } from './use-cases/seed-demo-organisation/seed-demo-organisation.use-case.js';
import { SessionTokens } from './use-cases/session-tokens.js';
import { SignInUseCase } from './use-cases/sign-in/sign-in.use-case.js';
import { SignOutUseCase } from './use-cases/sign-out/sign-out.use-case.js';

export const GATEWAY_SERVICE = 'gateway';
/** The gateway owns identity: agencies, departments, users, role grants, sessions. */
export const IDENTITY_SCHEMA = 'identity';

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig, logger: Logger): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forService({
          service: GATEWAY_SERVICE,
          config: config.base,
          logger,
          database: {
            schema: IDENTITY_SCHEMA,
            entities: IDENTITY_ENTITIES,
            migrations: [CreateIdentitySchema1763769600000],
          },
        }),
        JwtModule.register({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256', issuer: 'sanshen' }, verifyOptions: { algorithms: ['HS256'], issuer: 'sanshen' } }),
      ],
      controllers: [AuthController, DocumentsController, ReviewsController, SecrecyController, PublicationController, AuditController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        IdentityRepository,
        SessionTokens,
        SignInUseCase,
        RefreshSessionUseCase,
        SignOutUseCase,
        SeedDemoOrganisationUseCase,
        ServiceCalls,
      ],
    };
  }
}

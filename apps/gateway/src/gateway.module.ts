import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { getOptionsToken, getStorageToken } from '@nestjs/throttler';
import { JwtModule } from '@nestjs/jwt';
import { BLOB_STORE, CoreModule } from '@sanshen/platform/core';
import type { DatabaseOptions } from '@sanshen/platform/core';
import { EventsModule } from '@sanshen/platform/events';
import { RpcModule } from '@sanshen/platform/rpc';
import type { Logger } from 'pino';
import { DelegatedDuties } from './adapters/auth/delegated-duties.js';
import { ClearedDocuments } from './adapters/auth/cleared-documents.js';
import { DocumentVisibleGuard } from './adapters/auth/document-visible.guard.js';
import { RequireRoleGuard } from './adapters/auth/require-role.guard.js';
import { JwtAuthGuard } from './adapters/auth/jwt-auth.guard.js';
import { AnnualReportsController } from './adapters/http/annual-reports.controller.js';
import { ReportRenderingController } from './adapters/http/report-rendering.controller.js';
import { AuditController } from './adapters/http/audit.controller.js';
import { AuthController } from './adapters/http/auth.controller.js';
import { OrganisationController } from './adapters/http/organisation.controller.js';
import { PagePreviewController } from './adapters/http/page-preview.controller.js';
import { Notices1796600000000 } from './persistence/migrations/1796600000000-Notices.js';
import { NoticeRepository } from './persistence/notice.repository.js';
import { NotifyTransitionUseCase } from './use-cases/notify-transition/notify-transition.use-case.js';
import { ListNoticesUseCase } from './use-cases/list-notices/list-notices.use-case.js';
import { MarkNoticesReadUseCase } from './use-cases/mark-notices-read/mark-notices-read.use-case.js';
import { NoticeStream } from './adapters/notices/notice-stream.js';
import { TransitionNoticesConsumer } from './adapters/notices/transition-notices.consumer.js';
import { NoticesController } from './adapters/http/notices.controller.js';
import { ChannelsController } from './adapters/http/channels.controller.js';
import { CatalogueController } from './adapters/http/catalogue.controller.js';
import { NoticeChannels1796700000000 } from './persistence/migrations/1796700000000-NoticeChannels.js';
import { ChannelDeliveries1796750000000 } from './persistence/migrations/1796750000000-ChannelDeliveries.js';
import { NOTICE_CHANNEL_PROVIDERS } from './adapters/channels/notice-channel.providers.js';
import { TasksController } from './adapters/http/tasks.controller.js';
import { DocumentCountsController } from './adapters/http/document-counts.controller.js';
import { DocumentsController } from './adapters/http/documents.controller.js';
import { PublicationActionsController } from './adapters/http/publication-actions.controller.js';
import { PublicationController } from './adapters/http/publication.controller.js';
import { QueuesController } from './adapters/http/queues.controller.js';
import { ReviewsController } from './adapters/http/reviews.controller.js';
import { ApprovalSheetController } from './adapters/http/approval-sheet.controller.js';
import { DelegationsController } from './adapters/http/delegations.controller.js';
import { NotificationsController } from './adapters/http/notifications.controller.js';
import { SecrecyController } from './adapters/http/secrecy.controller.js';
import { DictionaryController } from './adapters/http/dictionary.controller.js';
import { ServiceCalls } from './adapters/http/service-calls.js';
import { QueueBoard } from './adapters/ops-console/queue-board.js';
import { RateLimitGuard } from './adapters/rate-limit/rate-limit.guard.js';
import { throttlerOptions } from './adapters/rate-limit/rate-limits.js';
import { RedisThrottlerStorage } from './adapters/rate-limit/redis-throttler-storage.js';
import { SignInRateLimit } from './adapters/rate-limit/sign-in-rate-limit.js';
import { GatewayRedis } from './adapters/redis/gateway-redis.js';
import { AuthorizeOpsSessionUseCase } from './use-cases/authorize-ops-session/authorize-ops-session.use-case.js';
import { OpenOpsSessionUseCase } from './use-cases/open-ops-session/open-ops-session.use-case.js';
import { GATEWAY_CONFIG } from './config/gateway.config.js';
import { AttachmentsController } from './adapters/http/attachments.controller.js';
import { DownloadAttachmentUseCase } from './use-cases/download-attachment/download-attachment.use-case.js';
import { UploadAttachmentUseCase } from './use-cases/upload-attachment/upload-attachment.use-case.js';
import type { GatewayConfig } from './config/gateway.config.js';
import { IDENTITY_ENTITIES } from './persistence/identity.orm-entities.js';
import { IdentityRepository } from './persistence/identity.repository.js';
import { CreateIdentitySchema1763769600000 } from './persistence/migrations/1763769600000-CreateIdentitySchema.js';
import { AdminLockoutAndIdentityAudit1763942400000 } from './persistence/migrations/1763942400000-AdminLockoutAndIdentityAudit.js';
import { OneTimePasswordsAndPlatformAdmins1796525936804 } from './persistence/migrations/1796525936804-OneTimePasswordsAndPlatformAdmins.js';
import { OrganisationRepository } from './persistence/organisation.repository.js';
import { SessionStates } from './persistence/session-states.js';
import { SignInGuardRepository } from './persistence/sign-in-guard.repository.js';
import { ShowApprovalSheetUseCase } from './use-cases/show-approval-sheet/show-approval-sheet.use-case.js';
import { ListTasksUseCase } from './use-cases/list-tasks/list-tasks.use-case.js';
import { BatchApproveUseCase } from './use-cases/batch-approve/batch-approve.use-case.js';
import { ChangeOwnPasswordUseCase } from './use-cases/change-own-password/change-own-password.use-case.js';
import { ChangeUserRolesUseCase } from './use-cases/change-user-roles/change-user-roles.use-case.js';
import { CreateAgencyUseCase } from './use-cases/create-agency/create-agency.use-case.js';
import { CreateDepartmentUseCase } from './use-cases/create-department/create-department.use-case.js';
import { CreateUserUseCase } from './use-cases/create-user/create-user.use-case.js';
import { ImportUsersUseCase } from './use-cases/import-users/import-users.use-case.js';
import { ListAgenciesUseCase } from './use-cases/list-agencies/list-agencies.use-case.js';
import { ListDepartmentsUseCase } from './use-cases/list-departments/list-departments.use-case.js';
import { ListIdentityAuditUseCase } from './use-cases/list-identity-audit/list-identity-audit.use-case.js';
import { ListDelegatesUseCase } from './use-cases/list-delegates/list-delegates.use-case.js';
import { ListDelegationsUseCase } from './use-cases/list-delegations/list-delegations.use-case.js';
import { ListUsersUseCase } from './use-cases/list-users/list-users.use-case.js';
import { ResetPasswordUseCase } from './use-cases/reset-password/reset-password.use-case.js';
import { SetDeputyOversightUseCase } from './use-cases/set-deputy-oversight/set-deputy-oversight.use-case.js';
import { SetUserActiveUseCase } from './use-cases/set-user-active/set-user-active.use-case.js';
import { UnlockUserUseCase } from './use-cases/unlock-user/unlock-user.use-case.js';
import { AggregateAnnualReportsUseCase } from './use-cases/aggregate-annual-reports/aggregate-annual-reports.use-case.js';
import { RefreshSessionUseCase } from './use-cases/refresh-session/refresh-session.use-case.js';
import { SeedDemoOrganisationUseCase } from './use-cases/seed-demo-organisation/seed-demo-organisation.use-case.js';
import { ListNotificationsUseCase } from './use-cases/list-notifications/list-notifications.use-case.js';
import { SessionTokens } from './use-cases/session-tokens.js';
import { SignInUseCase } from './use-cases/sign-in/sign-in.use-case.js';
import { SignOutUseCase } from './use-cases/sign-out/sign-out.use-case.js';

export const GATEWAY_SERVICE = 'gateway';

/** The public HTTP API (docs/api.md); the OpenAPI document is built from these. */
export const GATEWAY_CONTROLLERS = [
  AuthController,
  DocumentsController,
  AttachmentsController,
  ReviewsController,
  ApprovalSheetController,
  DelegationsController,
  NotificationsController,
  SecrecyController,
  DictionaryController,
  PublicationController,
  PublicationActionsController,
  QueuesController,
  AuditController,
  OrganisationController,
  AnnualReportsController,
  ReportRenderingController,
  DocumentCountsController,
  TasksController,
  PagePreviewController,
  NoticesController,
  ChannelsController,
  CatalogueController,
] as const;
/** The gateway owns identity: agencies, departments, users, role grants, sessions. */
export const IDENTITY_SCHEMA = 'identity';

/** The identity schema: the gateway's and the command line's (which migrates it too). */
export const IDENTITY_DATABASE: DatabaseOptions = {
  schema: IDENTITY_SCHEMA,
  entities: IDENTITY_ENTITIES,
  migrations: [
    CreateIdentitySchema1763769600000,
    AdminLockoutAndIdentityAudit1763942400000,
    OneTimePasswordsAndPlatformAdmins1796525936804,
    Notices1796600000000,
    NoticeChannels1796700000000,
    ChannelDeliveries1796750000000,
  ],
};

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig, logger: Logger): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        CoreModule.forService({ service: GATEWAY_SERVICE, config: config.base, logger, database: IDENTITY_DATABASE }),
        // The gateway asks the services and answers none: no RPC server.
        RpcModule.forService({ service: GATEWAY_SERVICE, config: config.base, answers: false }),
        EventsModule.forService({ service: GATEWAY_SERVICE, produces: false, handlers: [TransitionNoticesConsumer] }),
        // A key object made once: given the string, jsonwebtoken tries it as a PEM public key on every verification.
        JwtModule.register({ secret: createSecretKey(Buffer.from(config.jwtSecret)), signOptions: { algorithm: 'HS256', issuer: 'sanshen' }, verifyOptions: { algorithms: ['HS256'], issuer: 'sanshen' } }),
      ],
      controllers: [...GATEWAY_CONTROLLERS],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: BLOB_STORE, useValue: config.attachmentStore },
        UploadAttachmentUseCase,
        DownloadAttachmentUseCase,
        // Global guards run in this order: authenticate, then count the request against its user.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        GatewayRedis,
        RedisThrottlerStorage,
        { provide: getStorageToken(), useExisting: RedisThrottlerStorage },
        { provide: getOptionsToken(), useValue: throttlerOptions(config.rateLimits) },
        SignInRateLimit,
        IdentityRepository,
        SessionStates,
        SessionTokens,
        SignInUseCase,
        RefreshSessionUseCase,
        SignOutUseCase,
        SeedDemoOrganisationUseCase,
        AggregateAnnualReportsUseCase,
        OrganisationRepository,
        SignInGuardRepository,
        ChangeOwnPasswordUseCase,
        ChangeUserRolesUseCase,
        CreateAgencyUseCase,
        CreateDepartmentUseCase,
        CreateUserUseCase,
        ImportUsersUseCase,
        ListAgenciesUseCase,
        ListDepartmentsUseCase,
        ListIdentityAuditUseCase,
        ListUsersUseCase,
        ListDelegatesUseCase,
        ListDelegationsUseCase,
        ResetPasswordUseCase,
        SetDeputyOversightUseCase,
        SetUserActiveUseCase,
        UnlockUserUseCase,
        ServiceCalls,
        DelegatedDuties,
        DocumentVisibleGuard,
        ClearedDocuments,
        RequireRoleGuard,
        ListNotificationsUseCase,
        BatchApproveUseCase,
        ListTasksUseCase,
        ShowApprovalSheetUseCase,
        NoticeRepository,
        NotifyTransitionUseCase,
        ListNoticesUseCase,
        MarkNoticesReadUseCase,
        NoticeStream,
        TransitionNoticesConsumer,
        ...NOTICE_CHANNEL_PROVIDERS,
        QueueBoard,
        OpenOpsSessionUseCase,
        AuthorizeOpsSessionUseCase,
      ],
    };
  }
}

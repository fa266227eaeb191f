import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { PUBLICATION_RPC } from '@sanshen/contracts';
import type { CorrectionRequest, NotificationListView, PagePreview, PagePreviewRequest, PublicationRequest, PublicationView, QueueOverview, QueueOverviewRequest, RetractionRequest, RpcRequest, ScheduleRequest, ScheduleView, ServiceTaskList } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { RpcPattern, requireActor } from '@sanshen/platform/rpc';
import { ListPublicationTasksUseCase } from '../use-cases/list-publication-tasks/list-publication-tasks.use-case.js';
import { PreviewPageUseCase } from '../use-cases/preview-page/preview-page.use-case.js';
import { AuthorizeRetractionUseCase } from '../use-cases/authorize-retraction/authorize-retraction.use-case.js';
import { InspectQueueUseCase } from '../use-cases/inspect-queue/inspect-queue.use-case.js';
import { ListNotificationsUseCase } from '../use-cases/list-notifications/list-notifications.use-case.js';
import { GetPublicationUseCase } from '../use-cases/get-publication/get-publication.use-case.js';
import { RequestRetractionUseCase } from '../use-cases/request-retraction/request-retraction.use-case.js';
import { RetryPublicationUseCase } from '../use-cases/retry-publication/retry-publication.use-case.js';
import { SchedulePublicationUseCase } from '../use-cases/schedule-publication/schedule-publication.use-case.js';
import { StartCorrectionUseCase } from '../use-cases/start-correction/start-correction.use-case.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function publicationRequest(payload: unknown): PublicationRequest {
  const documentId = (payload as Partial<PublicationRequest> | null)?.documentId;
  if (typeof documentId !== 'string' || !UUID.test(documentId)) {
    throw new DomainError('REQUEST.INVALID', { field: 'documentId' });
  }
  return { documentId };
}

function scheduleRequest(payload: unknown): ScheduleRequest {
  const { documentId } = publicationRequest(payload);
  const { version, publishAt } = payload as Partial<ScheduleRequest>;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new DomainError('REQUEST.INVALID', { field: 'version' });
  if (typeof publishAt !== 'string' || publishAt.length > 40) throw new DomainError('REQUEST.INVALID', { field: 'publishAt' });
  return { documentId, version, publishAt };
}

/** A reason people will read on the portal's notice: 1–500 characters after trimming. */
function reasonOf(value: unknown, field: string, required: boolean): string | null {
  if ((value === undefined || value === null) && !required) return null;
  const reason = typeof value === 'string' ? value.trim() : '';
  if (reason.length === 0 || reason.length > 500) throw new DomainError('REQUEST.INVALID', { field });
  return reason;
}

@Controller()
export class PublicationRpcController {
  constructor(
    private readonly getPublication: GetPublicationUseCase,
    private readonly retryPublication: RetryPublicationUseCase,
    private readonly schedulePublication: SchedulePublicationUseCase,
    private readonly requestRetraction: RequestRetractionUseCase,
    private readonly authorizeRetraction: AuthorizeRetractionUseCase,
    private readonly startCorrection: StartCorrectionUseCase,
    private readonly inspectQueue: InspectQueueUseCase,
    private readonly listNotifications: ListNotificationsUseCase,
    private readonly listTasks: ListPublicationTasksUseCase,
    private readonly previewPage: PreviewPageUseCase,
  ) {}

  @RpcPattern(PUBLICATION_RPC.preview)
  preview(@Payload() request: RpcRequest<PagePreviewRequest>): Promise<PagePreview> {
    return this.previewPage.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(PUBLICATION_RPC.tasks)
  tasks(@Payload() request: RpcRequest<Record<string, never>>): Promise<ServiceTaskList> {
    return this.listTasks.execute(requireActor(request));
  }

  @RpcPattern(PUBLICATION_RPC.get)
  get(@Payload() request: RpcRequest<PublicationRequest>): Promise<PublicationView> {
    return this.getPublication.execute(requireActor(request), publicationRequest(request.payload));
  }

  @RpcPattern(PUBLICATION_RPC.retry)
  retry(@Payload() request: RpcRequest<PublicationRequest>): Promise<PublicationView> {
    return this.retryPublication.execute(requireActor(request), publicationRequest(request.payload), request.correlationId);
  }

  @RpcPattern(PUBLICATION_RPC.schedule)
  schedule(@Payload() request: RpcRequest<ScheduleRequest>): Promise<ScheduleView> {
    return this.schedulePublication.execute(requireActor(request), scheduleRequest(request.payload), request.correlationId);
  }

  @RpcPattern(PUBLICATION_RPC.requestRetraction)
  requestRetract(@Payload() request: RpcRequest<RetractionRequest>): Promise<PublicationView> {
    const actor = requireActor(request);
    const { documentId } = publicationRequest(request.payload);
    const reason = reasonOf((request.payload as Partial<RetractionRequest> | null)?.reason, 'reason', true) ?? '';
    return this.requestRetraction.execute(actor, { documentId, reason }, request.correlationId);
  }

  @RpcPattern(PUBLICATION_RPC.authorizeRetraction)
  authorizeRetract(@Payload() request: RpcRequest<PublicationRequest>): Promise<PublicationView> {
    return this.authorizeRetraction.execute(requireActor(request), publicationRequest(request.payload), request.correlationId);
  }

  @RpcPattern(PUBLICATION_RPC.startCorrection)
  correct(@Payload() request: RpcRequest<CorrectionRequest>): Promise<PublicationView> {
    const actor = requireActor(request);
    const { documentId } = publicationRequest(request.payload);
    const reason = reasonOf((request.payload as Partial<CorrectionRequest> | null)?.reason, 'reason', false);
    return this.startCorrection.execute(actor, { documentId, reason }, request.correlationId);
  }

  @RpcPattern(PUBLICATION_RPC.queueOverview)
  queueOverview(@Payload() request: RpcRequest<QueueOverviewRequest>): Promise<QueueOverview> {
    const payload = (request.payload ?? {}) as QueueOverviewRequest;
    return this.inspectQueue.execute(requireActor(request), { states: payload.states, limit: payload.limit });
  }

  @RpcPattern(PUBLICATION_RPC.notifications)
  notifications(@Payload() request: RpcRequest<unknown>): Promise<NotificationListView> {
    return this.listNotifications.execute(requireActor(request));
  }
}

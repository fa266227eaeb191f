import { Inject, Injectable } from '@nestjs/common';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { AssignCatalogueRequest, AssignedCatalogueView, DocumentVersionView, GetVersionRequest, PortalPush, PortalReceipt } from '@sanshen/contracts';
import { contentHashOf, DomainError, systemActor } from '@sanshen/kernel';
import { ROOT_LOGGER, ServiceClient } from '@sanshen/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { PublicationOrmEntity } from '../../persistence/publication.orm-entity.js';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import type { NewAttempt } from '../../persistence/publication.repository.js';
import { PublicationTransition } from '../publication-transition.js';
import type { PublicationMove } from '../publication-transition.js';
import { PORTAL_TARGET } from './portal-target.js';
import type { PortalTarget } from './portal-target.js';
import { renderPage } from './render-page.js';

export interface PushCommand {
  publicationId: string;
  run: number;
  jobId: string;
  correlationId: string;
  /** No retry follows this attempt if it fails: it ends the run either way. */
  lastAttempt: boolean;
}

export type PushOutcome =
  /** The row (or this run of it) is not committed yet: ask again shortly. */
  | { kind: 'not_visible' }
  /** A scheduled publication whose time has not come (it was moved later): wait until `at`. */
  | { kind: 'not_due'; at: Date }
  /** Nothing to do: already published or failed, or a newer run took over. */
  | { kind: 'skipped'; reason: string }
  | { kind: 'published'; url: string }
  /** This attempt failed in a way worth retrying, and attempts remain. */
  | { kind: 'retry'; error: string }
  /** The run ended in publish_failed. */
  | { kind: 'failed'; reason: string };

type AttemptResult = (
  | { ok: true; receipt: PortalReceipt; httpStatus: number }
  | { ok: false; kind: 'retryable' | 'permanent'; httpStatus: number | null; error: string; reason?: string }
) & {
  /** The version's title, once drafting gave it (for the publishers' notification). */
  title?: string;
};

/** Reason recorded on publish_failed when what would be pushed is not what was signed. */
export const HASH_MISMATCH_REASON = '内容哈希不一致';

/** A delayed job may fire a little early (clock of Redis vs ours): that is on time. */
const SCHEDULE_EARLY_TOLERANCE_MS = 1_000;

/**
 * One push attempt of one publication run: fetch the signed version from drafting, prove it hashes
 * to what every signer bound, render, push through the portal target, and record the attempt. A
 * receipt publishes the document; a permanent refusal, or the last failed attempt, fails it.
 */
@Injectable()
export class PushPublicationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publications: PublicationRepository,
    private readonly transition: PublicationTransition,
    private readonly drafting: ServiceClient,
    @Inject(PORTAL_TARGET) private readonly target: PortalTarget,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(command: PushCommand): Promise<PushOutcome> {
    let publication = await this.publications.findById(command.publicationId);
    if (publication === null || publication.run < command.run) return { kind: 'not_visible' };
    if (publication.run > command.run) return { kind: 'skipped', reason: `run ${command.run} superseded by run ${publication.run}` };
    if (publication.state === 'scheduled') {
      if (publication.scheduledAt !== null && publication.scheduledAt.getTime() > Date.now() + SCHEDULE_EARLY_TOLERANCE_MS) {
        return { kind: 'not_due', at: publication.scheduledAt };
      }
      if (!(await this.startScheduled(publication, command))) return { kind: 'skipped', reason: 'publication moved concurrently' };
      publication = await this.publications.findById(command.publicationId);
      if (publication === null) throw new Error(`publication ${command.publicationId} vanished`);
    }
    if (publication.state !== 'publishing') return { kind: 'skipped', reason: `publication is ${publication.state}` };

    const at = new Date();
    const result = await this.attempt(publication, command, at);
    const attempt: NewAttempt = {
      publicationId: publication.id,
      run: publication.run,
      jobId: command.jobId,
      at,
      outcome: 'succeeded',
      httpStatus: result.httpStatus,
      error: result.ok ? null : result.error,
      durationMs: Date.now() - at.getTime(),
    };
    const log = { documentId: publication.documentId, publicationId: publication.id, run: publication.run, correlationId: command.correlationId };
    try {
      if (result.ok) {
        await this.markPublished(publication, result.receipt, attempt, command);
        this.logger.info({ ...log, url: result.receipt.url }, 'published');
        return { kind: 'published', url: result.receipt.url };
      }
      if (result.kind === 'retryable' && !command.lastAttempt) {
        await this.publications.recordAttempt(this.dataSource.manager, { ...attempt, outcome: 'retrying' });
        this.logger.warn({ ...log, httpStatus: result.httpStatus, error: result.error }, 'push failed; will retry');
        return { kind: 'retry', error: result.error };
      }
      const reason = result.reason ?? (result.kind === 'retryable' ? `推送重试次数已用尽：${result.error}` : result.error);
      await this.markFailed(publication, reason, result.title ?? null, { ...attempt, outcome: 'failed' }, command);
      // The agency's publishers (发布管理员) also get an in-app notification (publication.notification.list);
      // they retry with POST …/publication/retry.
      this.logger.error(
        { ...log, alert: 'PUBLICATION.FAILED', notify: 'publisher', agencyId: publication.agencyId, httpStatus: result.httpStatus, error: result.error, reason },
        'publication failed',
      );
      return { kind: 'failed', reason };
    } catch (error) {
      if (movedConcurrently(error)) return { kind: 'skipped', reason: 'publication moved concurrently' };
      throw error;
    }
  }

  /** The scheduled time has come: approved → publishing, `document.publish_started` now. */
  private async startScheduled(publication: PublicationOrmEntity, command: PushCommand): Promise<boolean> {
    try {
      await this.transition.run(publication, {
        event: 'publish_started',
        to: 'publishing',
        ...this.bySystem(publication, command),
        details: { scheduledAt: publication.scheduledAt?.toISOString() ?? null },
        startsRun: true,
      });
    } catch (error) {
      if (movedConcurrently(error)) return false;
      throw error;
    }
    this.logger.info(
      { documentId: publication.documentId, publicationId: publication.id, scheduledAt: publication.scheduledAt?.toISOString(), correlationId: command.correlationId },
      'scheduled publication started',
    );
    return true;
  }

  /** A request about the version being pushed, to drafting, as the agency's system actor. */
  private askDrafting<R, P extends { documentId: string; version: number }>(pattern: string, publication: PublicationOrmEntity, command: PushCommand): Promise<R> {
    const payload = { documentId: publication.documentId, version: publication.version } as P;
    return this.drafting.send<R, P>(pattern, { actor: systemActor(publication.agencyId), correlationId: command.correlationId, payload });
  }

  private async attempt(publication: PublicationOrmEntity, command: PushCommand, at: Date): Promise<AttemptResult> {
    let version: DocumentVersionView;
    try {
      version = await this.askDrafting<DocumentVersionView, GetVersionRequest>(DRAFTING_RPC.getVersion, publication, command);
    } catch (error) {
      return draftingFailure(error, '起草服务拒绝提供该版本');
    }
    const actualHash = contentHashOf(version.content);
    if (version.documentId !== publication.documentId || version.version !== publication.version || actualHash !== publication.contentHash) {
      this.logger.error(
        {
          alert: 'PUBLICATION.HASH_MISMATCH',
          documentId: publication.documentId,
          publicationId: publication.id,
          version: publication.version,
          signedHash: publication.contentHash,
          actualHash,
          returnedVersion: version.version,
          correlationId: command.correlationId,
        },
        '待发布内容与审核签署的内容不一致，已拒绝发布',
      );
      return {
        ok: false,
        kind: 'permanent',
        httpStatus: null,
        error: `签署哈希 ${publication.contentHash}，实际 ${actualHash}`,
        reason: HASH_MISMATCH_REASON,
        title: version.title,
      };
    }
    const rendered = renderPage(version);
    if (!rendered.ok) return { ok: false, kind: 'permanent', httpStatus: null, error: rendered.reason, title: version.title };
    // The 公开目录 entry: drafting allocates the 索引号 at the first push of the document and keeps it.
    let entry: AssignedCatalogueView;
    try {
      entry = await this.askDrafting<AssignedCatalogueView, AssignCatalogueRequest>(DRAFTING_RPC.catalogueAssign, publication, command);
    } catch (error) {
      return { ...draftingFailure(error, '起草服务拒绝提供公开目录信息'), title: version.title };
    }
    const { documentId: _entryDocument, assignedAt: _assignedAt, ...catalogue } = entry;
    const push: PortalPush = {
      publicationId: publication.id,
      documentId: publication.documentId,
      version: publication.version,
      contentHash: publication.contentHash,
      agency: { id: publication.agencyId, name: version.agencyName },
      publishedAt: at.toISOString(),
      ...rendered.page,
      column: catalogue.columnName,
      catalogue,
    };
    const outcome = await this.target.push(push);
    if (outcome.ok && outcome.receipt.contentHash !== publication.contentHash) {
      return {
        ok: false,
        kind: 'permanent',
        httpStatus: outcome.httpStatus,
        error: `门户回执的内容哈希 ${outcome.receipt.contentHash} 与签署哈希不一致`,
        title: version.title,
      };
    }
    return { ...outcome, title: version.title };
  }

  private async markPublished(
    publication: PublicationOrmEntity,
    receipt: PortalReceipt,
    attempt: NewAttempt,
    command: PushCommand,
  ): Promise<void> {
    const publishedAt = new Date(receipt.publishedAt);
    await this.transition.run(publication, {
      event: 'published',
      to: 'published',
      ...this.bySystem(publication, command),
      details: { url: receipt.url, publishedAt: publishedAt.toISOString() },
      changes: { receiptUrl: receipt.url, publishedAt, receiptContentHash: receipt.contentHash, failureReason: null },
      also: async (manager) => {
        await this.publications.recordAttempt(manager, attempt);
      },
    });
  }

  private async markFailed(
    publication: PublicationOrmEntity,
    reason: string,
    title: string | null,
    attempt: NewAttempt,
    command: PushCommand,
  ): Promise<void> {
    await this.transition.run(publication, {
      event: 'publish_failed',
      to: 'publish_failed',
      ...this.bySystem(publication, command),
      changes: { failureReason: reason },
      also: async (manager) => {
        await this.publications.recordAttempt(manager, attempt);
        await this.publications.recordNotification(manager, {
          agencyId: publication.agencyId,
          documentId: publication.documentId,
          publicationId: publication.id,
          run: publication.run,
          kind: 'publish_failed',
          ...publishFailedNotice(title, publication.version, reason),
        });
      },
      details: async (manager) => ({ reason, attempts: await this.publications.countAttempts(manager, publication.id, publication.run) }),
    });
  }

  /** The push job moves the publication as the system, caused by the event that started the run. */
  private bySystem(publication: PublicationOrmEntity, command: PushCommand): Pick<PublicationMove<'published'>, 'by' | 'context'> {
    const actor = systemActor(publication.agencyId);
    return { by: actor, context: { actor, correlationId: command.correlationId, causationId: publication.causeEventId } };
  }
}

/** What the agency's publishers read when a run failed (the title is unknown when drafting never answered). */
export function publishFailedNotice(title: string | null, version: number, reason: string): { title: string; message: string } {
  const name = title === null ? `文件（第 ${version} 版）` : `《${title}》`;
  return {
    title: `发布失败：${title ?? `文件（第 ${version} 版）`}`,
    message: `${name}发布失败：${reason}，请在发布管理中重试`,
  };
}

/** Another step moved the publication first (PublicationRepository.lockAsRead). */
function movedConcurrently(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'DOCUMENT.VERSION_CONFLICT';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Drafting refused (permanent) or could not answer (retried). */
function draftingFailure(error: unknown, refused: string): { ok: false; kind: 'permanent' | 'retryable'; httpStatus: null; error: string } {
  if (error instanceof DomainError && error.kind !== 'unavailable' && error.kind !== 'internal') {
    return { ok: false, kind: 'permanent', httpStatus: null, error: `${refused}：${error.code}` };
  }
  return { ok: false, kind: 'retryable', httpStatus: null, error: `起草服务不可用：${describe(error)}` };
}

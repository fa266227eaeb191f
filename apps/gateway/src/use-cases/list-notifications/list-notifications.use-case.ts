import { Inject, Injectable } from '@nestjs/common';
import { PUBLICATION_RPC, REVIEW_RPC } from '@sanshen/contracts';
import type { NotificationListView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { ROOT_LOGGER } from '@sanshen/platform';
import type { Logger } from 'pino';
import type { RequestContext } from '../../adapters/auth/request-context.js';
import { ServiceCalls } from '../../adapters/http/service-calls.js';

/** Services that keep in-app messages for people: review (reminders, escalations), publication (failures). */
const NOTIFICATION_SOURCES = [REVIEW_RPC.notifications, PUBLICATION_RPC.notifications] as const;

/**
 * The signed-in user's in-app messages from every service that keeps some, newest first. One service
 * down still leaves the others' messages; all of them down is SERVICE.UNAVAILABLE.
 */
@Injectable()
export class ListNotificationsUseCase {
  constructor(
    private readonly services: ServiceCalls,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(context: RequestContext): Promise<NotificationListView> {
    const lists = await Promise.all(NOTIFICATION_SOURCES.map((pattern) => this.fetch(pattern, context)));
    const available = lists.filter((list) => list !== null);
    if (available.length === 0) throw new DomainError('SERVICE.UNAVAILABLE', { services: NOTIFICATION_SOURCES.map((pattern) => pattern.split('.')[0]) });
    const items = available.flatMap((list) => list.items).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    return { items };
  }

  /** One service's list, or null when that service cannot be reached. */
  private async fetch(pattern: string, context: RequestContext): Promise<NotificationListView | null> {
    try {
      return await this.services.send<NotificationListView>(pattern, context, {});
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'SERVICE.UNAVAILABLE') throw error;
      this.logger.warn({ pattern, correlationId: context.correlationId }, 'notifications: service unavailable, listing the others');
      return null;
    }
  }
}

import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DomainError, PUBLICATION_RPC, REVIEW_RPC } from '@sanshen/contracts';
import type { NotificationListView } from '@sanshen/contracts';
import { ROOT_LOGGER } from '@sanshen/platform';
import type { Logger } from 'pino';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(
    private readonly services: ServiceCalls,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * The signed-in user's in-app messages, newest first: review reminders and escalations (review) and
   * publish failures for publishers (publication). One service down still leaves the other's.
   */
  @Get()
  async list(@Ctx() context: RequestContext): Promise<NotificationListView> {
    const lists = await Promise.all([
      this.fetch(REVIEW_RPC.notifications, context),
      this.fetch(PUBLICATION_RPC.notifications, context),
    ]);
    const available = lists.filter((list) => list !== null);
    if (available.length === 0) throw new DomainError('SERVICE.UNAVAILABLE', { patterns: [REVIEW_RPC.notifications, PUBLICATION_RPC.notifications] });
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

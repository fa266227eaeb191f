import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { REVIEW_RPC } from '@sanshen/contracts';
import type { NotificationListView } from '@sanshen/contracts';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly services: ServiceCalls) {}

  /** The signed-in user's in-app messages (review reminders and escalations), newest first. */
  @Get()
  list(@Ctx() context: RequestContext): Promise<NotificationListView> {
    return this.services.send(REVIEW_RPC.notifications, context, {});
  }
}

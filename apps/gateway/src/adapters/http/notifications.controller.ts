import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationListView } from '@sanshen/contracts';
import { ListNotificationsUseCase } from '../../use-cases/list-notifications/list-notifications.use-case.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';

@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly listNotifications: ListNotificationsUseCase) {}

  /** The signed-in user's in-app messages, newest first (review reminders, publish failures). */
  @Get()
  list(@Ctx() context: RequestContext): Promise<NotificationListView> {
    return this.listNotifications.execute(context);
  }
}

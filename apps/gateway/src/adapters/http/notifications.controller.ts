import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationListView } from '@sanshen/contracts';
import { ListNotificationsUseCase } from '../../use-cases/list-notifications/list-notifications.use-case.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { IDS } from './openapi/examples.js';

@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly listNotifications: ListNotificationsUseCase) {}

  /** The signed-in user's in-app messages, newest first (review reminders, publish failures). */
  @ApiRoute({
    summary: '提醒消息',
    description: '调用者的站内提醒，最新在前：审核催办与超期上报（审核服务），发布人的发布失败提醒（发布服务）；其中一个服务不可用时仍返回另一个服务的消息。',
    answer: {
      json: {
        items: [{ id: IDS.finding, kind: 'review_reminder', documentId: IDS.document, level: 1, title: '关于调整办公时间的通知', message: '审核即将超期，请尽快处理', createdAt: '2026-12-08T09:30:00.000Z', onBehalfOf: null }],
      },
    },
    errors: [],
  })
  @Get()
  list(@Ctx() context: RequestContext): Promise<NotificationListView> {
    return this.listNotifications.execute(context);
  }
}

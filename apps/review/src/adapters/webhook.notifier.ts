import { Inject, Injectable } from '@nestjs/common';
import type { NotificationView } from '@sanshen/contracts';
import { ROOT_LOGGER } from '@sanshen/platform/core';
import type { Logger } from 'pino';
import { REVIEW_CONFIG } from '../config/review.config.js';
import type { ReviewConfig } from '../config/review.config.js';

/** Optional: posts each notification as JSON to the configured webhook (best effort, logged on failure). */
@Injectable()
export class WebhookNotifier {
  constructor(
    @Inject(REVIEW_CONFIG) private readonly config: ReviewConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async send(notification: NotificationView & { agencyId: string; departmentId: string }): Promise<void> {
    if (this.config.webhookUrl === null) return;
    try {
      const response = await fetch(this.config.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(notification),
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) this.logger.warn({ status: response.status, notificationId: notification.id }, 'notification webhook refused');
    } catch (error) {
      this.logger.warn({ err: error, notificationId: notification.id }, 'notification webhook unreachable');
    }
  }
}

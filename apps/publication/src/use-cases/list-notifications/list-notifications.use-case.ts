import { Injectable } from '@nestjs/common';
import type { NotificationListView } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { PublicationRepository } from '../../persistence/publication.repository.js';

const LIMIT = 200;

/**
 * A publisher's (发布管理员) in-app notifications, newest first: the agency's publications whose run
 * ended in publish_failed. Nobody else is addressed by them, so other roles get an empty list.
 */
@Injectable()
export class ListNotificationsUseCase {
  constructor(private readonly publications: PublicationRepository) {}

  async execute(actor: Actor): Promise<NotificationListView> {
    if (!actor.roles.includes('publisher')) return { items: [] };
    const notifications = await this.publications.recentNotifications(actor.agencyId, LIMIT);
    return {
      items: notifications.map((notification) => ({
        id: notification.id,
        kind: notification.kind,
        documentId: notification.documentId,
        level: null,
        title: notification.title,
        message: notification.message,
        createdAt: notification.createdAt.toISOString(),
      })),
    };
  }
}

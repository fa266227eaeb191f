import { Injectable } from '@nestjs/common';
import type { NotificationListView, NotificationView } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { reviewCapacities } from '../../domain/reviewer-capacity.js';
import { ReviewRepository } from '../../persistence/review.repository.js';

const LIMIT = 200;

/**
 * The signed-in user's in-app notifications, newest first: those addressed to a review duty the user
 * holds for the document's department (their own, or delegated to them now).
 */
@Injectable()
export class ListNotificationsUseCase {
  constructor(private readonly reviews: ReviewRepository) {}

  async execute(actor: Actor): Promise<NotificationListView> {
    const [delegations, notifications] = await Promise.all([
      this.reviews.delegationsInForce(actor.agencyId, actor.userId, new Date()),
      this.reviews.recentNotifications(actor.agencyId, LIMIT),
    ]);
    const items = notifications.flatMap((notification): NotificationView[] => {
      const document = { agencyId: notification.agencyId, departmentId: notification.departmentId };
      const capacity = reviewCapacities(actor, delegations, document).find((candidate) => candidate.level === notification.level);
      if (capacity === undefined) return [];
      return [
        {
          id: notification.id,
          kind: notification.kind,
          documentId: notification.documentId,
          level: notification.level,
          title: notification.title,
          message: notification.message,
          createdAt: notification.createdAt.toISOString(),
          onBehalfOf: capacity.onBehalfOf,
        },
      ];
    });
    return { items };
  }
}

import { Injectable } from '@nestjs/common';
import type { Actor } from '@sanshen/kernel';
import { NoticeRepository } from '../../persistence/notice.repository.js';
import type { NoticeRow } from '../../persistence/notice.repository.js';

export interface NoticeListView {
  items: NoticeRow[];
  unread: number;
}

/** The caller's in-app notices, newest first (all, or the unread ones), with the unread count. */
@Injectable()
export class ListNoticesUseCase {
  constructor(private readonly notices: NoticeRepository) {}

  async execute(actor: Actor, filter: { unreadOnly: boolean; limit: number }): Promise<NoticeListView> {
    const [items, unread] = await Promise.all([this.notices.list(actor.userId, filter), this.notices.unreadCount(actor.userId)]);
    return { items, unread };
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.notices.unreadCount(actor.userId);
  }
}

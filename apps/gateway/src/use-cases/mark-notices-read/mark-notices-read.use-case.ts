import { Injectable } from '@nestjs/common';
import type { Actor } from '@sanshen/contracts';
import { NoticeRepository } from '../../persistence/notice.repository.js';

/** Marks the caller's own notices read (some, or all); another person's ids change nothing. */
@Injectable()
export class MarkNoticesReadUseCase {
  constructor(private readonly notices: NoticeRepository) {}

  async execute(actor: Actor, ids: string[] | 'all'): Promise<{ updated: number; unread: number }> {
    const updated = await this.notices.markRead(actor.userId, ids);
    return { updated, unread: await this.notices.unreadCount(actor.userId) };
  }
}

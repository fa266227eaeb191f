import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { NoticeRepository } from '../../persistence/notice.repository.js';

/** Marks the caller's own notices read (some, or all); another person's ids change nothing. */
@Injectable()
export class MarkNoticesReadUseCase {
  constructor(private readonly notices: NoticeRepository) {}

  async execute(actor: Actor, request: { ids?: string[] | undefined; all?: boolean | undefined }): Promise<{ updated: number; unread: number }> {
    const ids = request.all === true ? 'all' : (request.ids ?? []);
    if (ids !== 'all' && ids.length === 0) throw new DomainError('REQUEST.INVALID', { field: 'ids' }, '请指定要标为已读的通知（ids）或 all: true');
    const updated = await this.notices.markRead(actor.userId, ids);
    return { updated, unread: await this.notices.unreadCount(actor.userId) };
  }
}

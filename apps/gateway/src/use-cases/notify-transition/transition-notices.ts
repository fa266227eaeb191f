import { PUBLICATION_INFO_EVENTS, SECRECY_INFO_EVENTS } from '@sanshen/contracts';
import type { DocumentEventPayloads, ReferredPayload, RetractionRequestedPayload } from '@sanshen/contracts';
import { LEVEL_LABELS } from '@sanshen/kernel';
import type { DocumentEventType, DocumentStatus, ReviewLevel } from '@sanshen/kernel';

/** Who a notice is for: a duty (resolved to today's holders and their delegates) or a person. */
export type Audience =
  | { kind: 'author' }
  | { kind: 'signers' }
  | { kind: 'reviewers'; level: ReviewLevel }
  | { kind: 'role'; role: 'secrecy_officer' | 'publisher' | 'principal' };

/** The informational events that concern someone: a 保密审查 referral, a retraction awaiting authorization. */
export type InformationalNoticeKind = 'secrecy_referred' | 'retraction_requested';

export interface NoticeDraft {
  kind: DocumentEventType | InformationalNoticeKind;
  audiences: Audience[];
  message: string;
}

const LEVEL_OF: Partial<Record<DocumentStatus, ReviewLevel>> = { pending_l1: 1, pending_l2: 2, pending_l3: 3 };

/**
 * Whom a transition concerns, and what they are told (issue #12: every transition notifies at once):
 * the next level's reviewers when a task arrives; the drafter and the levels already signed on a
 * return, with the reason; the drafter on secrecy's decision; the drafter and the publishers on
 * publication and on failure; the secrecy officers when 三审 ends. Pure: the caller resolves the
 * audiences to people.
 */
export function noticeFor<T extends DocumentEventType>(type: T, payload: DocumentEventPayloads[T], title: string, next: DocumentStatus | null): NoticeDraft | null {
  const quoted = `《${title}》`;
  const taskArrived = (status: DocumentStatus | null): NoticeDraft | null => {
    const level = status === null ? undefined : LEVEL_OF[status];
    if (level === undefined) return null;
    return { kind: type, audiences: [{ kind: 'reviewers', level }], message: `${quoted}待您${LEVEL_LABELS[level]}。` };
  };
  switch (type) {
    case 'submitted':
    case 'approved_l1':
    case 'approved_l2':
    case 'resumed':
      return taskArrived(next);
    case 'returned_previous': {
      const { reason } = payload as DocumentEventPayloads['returned_previous'];
      const arrived = taskArrived(next);
      return arrived === null ? null : { ...arrived, message: `${quoted}被上一级驳回，待您重新审核。理由：${reason}` };
    }
    case 'approved_l3':
      return { kind: type, audiences: [{ kind: 'role', role: 'secrecy_officer' }], message: `${quoted}已完成三审，待您保密审查。` };
    case 'returned': {
      const { reason, level } = payload as DocumentEventPayloads['returned'];
      return { kind: type, audiences: [{ kind: 'author' }, { kind: 'signers' }], message: `${quoted}在${LEVEL_LABELS[level]}被退回。理由：${reason}` };
    }
    case 'secrecy_returned': {
      const { opinion } = payload as DocumentEventPayloads['secrecy_returned'];
      return { kind: type, audiences: [{ kind: 'author' }], message: `${quoted}未通过保密审查，已退回修改。意见：${opinion}` };
    }
    case 'secrecy_cleared':
      return { kind: type, audiences: [{ kind: 'author' }], message: `${quoted}已通过保密审查，等待发布。` };
    case 'published':
      return { kind: type, audiences: [{ kind: 'author' }, { kind: 'role', role: 'publisher' }], message: `${quoted}已在门户网站发布。` };
    case 'publish_failed': {
      const { reason } = payload as DocumentEventPayloads['publish_failed'];
      return { kind: type, audiences: [{ kind: 'author' }, { kind: 'role', role: 'publisher' }], message: `${quoted}发布失败：${reason}` };
    }
    case 'retracted':
      return { kind: type, audiences: [{ kind: 'author' }, { kind: 'role', role: 'publisher' }], message: `${quoted}已撤稿。` };
    case 'withdrawn':
    case 'created':
    case 'revised':
    case 'publish_started':
    case 'publish_retried':
    case 'correction_started':
    case 'discarded':
      return null;
    default:
      return null;
  }
}

/**
 * The informational events (no transition) that concern someone: a 保密审查 referred upward to the
 * 保密行政管理部门 tells the drafter and the agency's secrecy officers (who record the answer); a
 * publisher's 撤稿 request tells the principals, who authorize it. Null for the others.
 */
export function informationalNoticeFor(eventType: string, payload: unknown, title: string): NoticeDraft | null {
  const quoted = `《${title}》`;
  switch (eventType) {
    case SECRECY_INFO_EVENTS.referred: {
      const { opinion } = payload as ReferredPayload;
      return {
        kind: 'secrecy_referred',
        audiences: [{ kind: 'author' }, { kind: 'role', role: 'secrecy_officer' }],
        message: `${quoted}已报请保密行政管理部门审查，待其答复后再定是否公开。意见：${opinion}`,
      };
    }
    case PUBLICATION_INFO_EVENTS.retractionRequested: {
      const { reason } = payload as RetractionRequestedPayload;
      return { kind: 'retraction_requested', audiences: [{ kind: 'role', role: 'principal' }], message: `${quoted}的撤稿申请待您授权。理由：${reason}` };
    }
    default:
      return null;
  }
}

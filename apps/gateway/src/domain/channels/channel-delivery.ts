import type { ChannelKind } from './channel-kinds.js';

/** One delivery of one notice on one channel. No secret and no phone number: those are read at send time. */
export interface ChannelJobData {
  agencyId: string;
  eventId: string;
  documentId: string;
  channel: ChannelKind;
  userIds: string[];
  kind: string;
  title: string;
  message: string;
}

/** A delivery that used up its attempts (or failed for good): the dead-letter view. */
export interface FailedDeliveryView {
  id: string;
  channel: ChannelKind;
  documentId: string;
  title: string;
  kind: string;
  recipients: number;
  attemptsMade: number;
  reason: string | null;
  createdAt: string;
  failedAt: string | null;
}

/** `<eventId>-<channel>` for a group post, `<eventId>-sms-<userId>` for a text: recording or queueing twice is a no-op. */
export function channelDeliveryId(data: Pick<ChannelJobData, 'eventId' | 'channel' | 'userIds'>): string {
  return data.channel === 'sms' ? `${data.eventId}-sms-${data.userIds[0] ?? ''}` : `${data.eventId}-${data.channel}`;
}

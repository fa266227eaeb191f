import { isRobotChannel } from './channel-kinds.js';
import type { ChannelKind, ChannelMessage } from './channel-kinds.js';

export interface RecipientPreference {
  userId: string;
  channels: readonly ChannelKind[];
}

/** One outbound delivery of a notice: a robot's one group post for everyone who chose it, or one SMS per person. */
export interface PlannedDelivery {
  channel: ChannelKind;
  userIds: string[];
}

/**
 * Which deliveries a notice makes: on each channel the agency has enabled, to the recipients who
 * chose it. A group robot posts once (mentioning them); SMS goes to each person. Nobody chose it: none.
 */
export function planDeliveries(recipients: readonly RecipientPreference[], enabled: ReadonlySet<ChannelKind>): PlannedDelivery[] {
  const deliveries: PlannedDelivery[] = [];
  for (const channel of enabled) {
    const userIds = recipients.filter((recipient) => recipient.channels.includes(channel)).map((recipient) => recipient.userId);
    if (userIds.length === 0) continue;
    if (isRobotChannel(channel)) deliveries.push({ channel, userIds });
    else for (const userId of userIds) deliveries.push({ channel, userIds: [userId] });
  }
  return deliveries;
}

const TITLES: Record<string, string> = {
  submitted: '待审核',
  approved_l1: '待审核',
  approved_l2: '待审核',
  resumed: '待审核',
  returned_previous: '待重新审核',
  approved_l3: '待保密审查',
  returned: '已退回',
  secrecy_returned: '保密审查退回',
  secrecy_cleared: '保密审查通过',
  secrecy_referred: '已报保密行政管理部门',
  published: '已发布',
  publish_failed: '发布失败',
  retracted: '已撤稿',
  retraction_requested: '撤稿待授权',
};

/** What a channel carries of a notice: `三审通知 · <what happened>`, its text, and whom to mention. */
export function channelMessage(notice: { kind: string; message: string }, mentionMobiles: readonly string[]): ChannelMessage {
  const what = TITLES[notice.kind];
  return { title: what === undefined ? '三审通知' : `三审通知 · ${what}`, text: notice.message, mentionMobiles: [...mentionMobiles] };
}

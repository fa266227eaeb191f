/** The outbound channels a notice can also travel by, besides the in-app notice (站内通知). */
export const CHANNEL_KINDS = ['wecom', 'dingtalk', 'sms'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** The group robots: one post to the agency's group, mentioning the people concerned. */
export const ROBOT_CHANNELS = ['wecom', 'dingtalk'] as const satisfies readonly ChannelKind[];
export type RobotChannel = (typeof ROBOT_CHANNELS)[number];

export const ROBOT_MSGTYPES = ['text', 'markdown'] as const;
export type RobotMsgtype = (typeof ROBOT_MSGTYPES)[number];

export const CHANNEL_LABELS: Record<ChannelKind, string> = {
  wecom: '企业微信群机器人',
  dingtalk: '钉钉群机器人',
  sms: '短信',
};

export function isChannelKind(value: string): value is ChannelKind {
  return (CHANNEL_KINDS as readonly string[]).includes(value);
}

export function isRobotChannel(channel: ChannelKind): channel is RobotChannel {
  return (ROBOT_CHANNELS as readonly string[]).includes(channel);
}

/** What a channel carries of a notice: a short title, the text, and whom a group post mentions. */
export interface ChannelMessage {
  title: string;
  text: string;
  mentionMobiles: string[];
}

import { isRobotChannel } from './channel-kinds.js';
import type { ChannelKind, RobotMsgtype } from './channel-kinds.js';
import { checkWebhookUrl, maskPhone, maskSecret, maskWebhookUrl } from './webhook-policy.js';
import type { WebhookRefusal } from './webhook-policy.js';

/** One channel of an agency as stored: the robot's webhook and 加签 secret, or SMS's 签名. */
export interface AgencyChannelSetting {
  channel: ChannelKind;
  enabled: boolean;
  webhookUrl: string | null;
  secret: string | null;
  msgtype: RobotMsgtype;
  signName: string | null;
}

/** What an agency admin sends: absent fields keep what is stored; `secret: ''` or null removes it. */
export interface AgencyChannelChange {
  enabled: boolean;
  webhookUrl?: string;
  secret?: string | null;
  msgtype?: RobotMsgtype;
  signName?: string | null;
}

export type ChannelSettingRefusal =
  | WebhookRefusal
  | 'CHANNEL.WEBHOOK_REQUIRED'
  | 'CHANNEL.SECRET_REQUIRED'
  | 'CHANNEL.SMS_UNAVAILABLE'
  | 'CHANNEL.PHONE_REQUIRED'
  | 'CHANNEL.PHONE_INVALID';

type Checked<T> = { ok: true; value: T } | { ok: false; code: ChannelSettingRefusal };

/**
 * The agency's channel after the admin's change, or why not: an enabled robot needs an allowed
 * webhook (and 钉钉 its 加签 secret, the signed-timestamp scheme); SMS needs the system's provider.
 */
export function changeAgencyChannel(
  channel: ChannelKind,
  current: AgencyChannelSetting | null,
  change: AgencyChannelChange,
  context: { allowedHosts: readonly string[]; smsAvailable: boolean },
): Checked<AgencyChannelSetting> {
  if (!isRobotChannel(channel)) {
    if (change.enabled && !context.smsAvailable) return { ok: false, code: 'CHANNEL.SMS_UNAVAILABLE' };
    const signName = change.signName === undefined ? (current?.signName ?? null) : blankToNull(change.signName);
    return { ok: true, value: { channel, enabled: change.enabled, webhookUrl: null, secret: null, msgtype: 'text', signName } };
  }
  if (change.webhookUrl !== undefined) {
    const checked = checkWebhookUrl(change.webhookUrl, context.allowedHosts);
    if (!checked.ok) return checked;
  }
  const webhookUrl = change.webhookUrl ?? current?.webhookUrl ?? null;
  const secret = channel === 'wecom' ? null : change.secret === undefined ? (current?.secret ?? null) : blankToNull(change.secret);
  if (change.enabled && webhookUrl === null) return { ok: false, code: 'CHANNEL.WEBHOOK_REQUIRED' };
  if (change.enabled && channel === 'dingtalk' && secret === null) return { ok: false, code: 'CHANNEL.SECRET_REQUIRED' };
  return { ok: true, value: { channel, enabled: change.enabled, webhookUrl, secret, msgtype: change.msgtype ?? current?.msgtype ?? 'text', signName: null } };
}

/** How a channel is shown to its admin: the webhook's key and the secret masked, never in full. */
export interface AgencyChannelView {
  channel: ChannelKind;
  enabled: boolean;
  webhookUrl: string | null;
  secretSet: boolean;
  secretHint: string | null;
  msgtype: RobotMsgtype | null;
  signName: string | null;
}

export function agencyChannelView(channel: ChannelKind, setting: AgencyChannelSetting | null): AgencyChannelView {
  const robot = isRobotChannel(channel);
  return {
    channel,
    enabled: setting?.enabled ?? false,
    webhookUrl: setting?.webhookUrl ? maskWebhookUrl(setting.webhookUrl) : null,
    secretSet: (setting?.secret ?? null) !== null,
    secretHint: setting?.secret ? maskSecret(setting.secret) : null,
    msgtype: robot ? (setting?.msgtype ?? 'text') : null,
    signName: robot ? null : (setting?.signName ?? null),
  };
}

/** A person's choice: which channels also bring them notices, and the mobile number SMS goes to. */
export interface ChannelPreferences {
  channels: ChannelKind[];
  phone: string | null;
}

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** The person's preferences after their change (`phone` absent keeps it; '' or null removes it), or why not. */
export function changePreferences(current: ChannelPreferences | null, change: { channels: ChannelKind[]; phone?: string | null }): Checked<ChannelPreferences> {
  let phone = current?.phone ?? null;
  if (change.phone !== undefined) {
    const normalized = blankToNull((change.phone ?? '').replace(/[\s-]/g, '').replace(/^\+86/, ''));
    if (normalized !== null && !MAINLAND_MOBILE.test(normalized)) return { ok: false, code: 'CHANNEL.PHONE_INVALID' };
    phone = normalized;
  }
  const channels = [...new Set(change.channels)];
  if (channels.includes('sms') && phone === null) return { ok: false, code: 'CHANNEL.PHONE_REQUIRED' };
  return { ok: true, value: { channels, phone } };
}

export function preferencesView(preferences: ChannelPreferences | null): ChannelPreferences {
  return { channels: preferences?.channels ?? [], phone: preferences?.phone ? maskPhone(preferences.phone) : null };
}

function blankToNull(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

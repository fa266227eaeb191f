import type { ChannelKind, ChannelMessage } from '../../domain/channels/channel-kinds.js';
import type { AgencyChannelSetting } from '../../domain/channels/channel-settings.js';
import type { DeliveryOutcome } from '../../domain/channels/delivery-outcome.js';

/** One attempt at one delivery, with everything the channel needs resolved at send time. */
export interface OutboundDelivery {
  /** The delivery's id (its queue job): the idempotency key a provider can deduplicate retries by. */
  id: string;
  /** The agency's setting of this channel (webhook and secret of a robot, 签名 of SMS). */
  setting: AgencyChannelSetting;
  message: ChannelMessage;
  /** SMS: the recipient's mobile number; robots: null. */
  phone: string | null;
}

/**
 * One outbound channel (企业微信, 钉钉, SMS, …): sends one delivery and says how it went; never throws
 * for the far end's failures. A new channel is one more implementation registered under OUTBOUND_CHANNELS.
 */
export interface OutboundChannel {
  readonly kind: ChannelKind;
  send(delivery: OutboundDelivery): Promise<DeliveryOutcome>;
}

export const OUTBOUND_CHANNELS = Symbol('OUTBOUND_CHANNELS');

import type { DeliveryOutcome } from '../../domain/channels/delivery-outcome.js';

/** One text message to one mobile number. */
export interface SmsMessage {
  /** Idempotency key: the same for every attempt at one delivery. */
  requestId: string;
  phone: string;
  /** 短信签名, e.g. 【海东市政府办】 without the brackets. */
  signName: string;
  text: string;
}

/**
 * An SMS vendor behind one call. The generic HTTP provider implements it; a vendor adapter (阿里云
 * 短信 with its template code and signed query, 腾讯云 …) is another implementation chosen by SMS_PROVIDER.
 */
export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<DeliveryOutcome>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

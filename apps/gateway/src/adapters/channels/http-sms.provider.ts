import { httpOutcome, unreachableOutcome } from '../../domain/channels/delivery-outcome.js';
import type { DeliveryOutcome } from '../../domain/channels/delivery-outcome.js';
import { smsSignature } from '../../domain/channels/signatures.js';
import type { HttpSmsConfig } from '../../config/channels.config.js';
import { postJson } from './post-json.js';
import type { SmsMessage, SmsProvider } from './sms-provider.js';

/**
 * A generic HTTP SMS gateway: `POST SMS_HTTP_URL` with `{requestId, phone, signName, text}` and the
 * headers `X-Sanshen-Key-Id`, `X-Sanshen-Timestamp` (ms), `X-Sanshen-Signature: sha256=<hex HMAC of
 * "timestamp\nbody">`, `Idempotency-Key: requestId`. 2xx is sent; 4xx refused for good; 5xx retried.
 */
export class HttpSmsProvider implements SmsProvider {
  readonly name = 'http';

  constructor(
    private readonly config: HttpSmsConfig,
    private readonly timeoutMs: number,
  ) {}

  async send(message: SmsMessage): Promise<DeliveryOutcome> {
    const body = JSON.stringify({ requestId: message.requestId, phone: message.phone, signName: message.signName, text: message.text });
    const timestamp = Date.now();
    try {
      const answer = await postJson(
        this.config.url,
        body,
        {
          'x-sanshen-key-id': this.config.keyId,
          'x-sanshen-timestamp': String(timestamp),
          'x-sanshen-signature': smsSignature(this.config.secret, timestamp, body),
          'idempotency-key': message.requestId,
        },
        this.timeoutMs,
      );
      return httpOutcome('短信服务', answer.status, answer.body);
    } catch (error) {
      return unreachableOutcome('短信服务', error);
    }
  }
}

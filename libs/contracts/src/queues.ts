/**
 * The BullMQ queues. Their names and key prefix are a wire contract (Redis keys) between the services
 * that own them and the operators' console in the gateway: never rename.
 */
export const QUEUES = {
  /** Portal pushes, owned by the publication service. */
  publicationPush: 'publication-push',
  /** Review reminders and escalations, owned by the review service. */
  reviewReminders: 'review-reminders',
  /** Notices sent on outbound channels (企业微信, 钉钉, SMS), owned by the gateway. */
  noticeChannels: 'notice-channels',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Redis key prefix of every queue of a deployment (a test run's namespace keeps its keys apart). */
export function queuePrefix(namespace: string): string {
  return `bull:${namespace || 'sanshen'}`;
}

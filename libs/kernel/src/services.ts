/** Service names: they prefix RPC subjects (`<service>.<noun>.<verb>`) and name durable consumers. */
export const SERVICES = ['gateway', 'drafting', 'review', 'secrecy', 'publication', 'audit', 'portal'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Services that own document states and therefore write document events to their outbox. */
export const EVENT_PRODUCERS = ['drafting', 'review', 'secrecy', 'publication'] as const satisfies readonly ServiceName[];
export type EventProducer = (typeof EVENT_PRODUCERS)[number];

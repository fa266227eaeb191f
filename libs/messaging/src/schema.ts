/**
 * The messaging tables every event-handling service keeps in its own schema. Services include
 * these statements in one of their own migrations (STYLE.md: migrations only, checked in).
 */
export const MESSAGING_TABLES_UP: readonly string[] = [
  `CREATE TABLE outbox (
     position bigserial PRIMARY KEY,
     id uuid NOT NULL UNIQUE,
     event_type text NOT NULL,
     document_id uuid NOT NULL,
     sequence integer NOT NULL,
     envelope jsonb NOT NULL,
     headers jsonb NOT NULL DEFAULT '{}'::jsonb,
     created_at timestamptz NOT NULL DEFAULT now(),
     sent_at timestamptz,
     CONSTRAINT outbox_document_sequence UNIQUE (document_id, sequence)
   )`,
  `CREATE INDEX outbox_unsent ON outbox (position) WHERE sent_at IS NULL`,
  `CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL`,
  `CREATE TABLE inbox (
     consumer text NOT NULL,
     event_id uuid NOT NULL,
     document_id uuid NOT NULL,
     sequence integer NOT NULL,
     event_type text NOT NULL,
     processed_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (consumer, event_id)
   )`,
  `CREATE TABLE consumer_cursor (
     consumer text NOT NULL,
     document_id uuid NOT NULL,
     last_sequence integer NOT NULL,
     PRIMARY KEY (consumer, document_id)
   )`,
  `CREATE TABLE dead_letter (
     id bigserial PRIMARY KEY,
     consumer text NOT NULL,
     event_id uuid,
     event_type text,
     document_id uuid,
     stream_sequence bigint NOT NULL,
     deliveries integer NOT NULL,
     error text NOT NULL,
     body text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
];

export const MESSAGING_TABLES_DOWN: readonly string[] = [
  'DROP TABLE dead_letter',
  'DROP TABLE consumer_cursor',
  'DROP TABLE inbox',
  'DROP TABLE outbox',
];

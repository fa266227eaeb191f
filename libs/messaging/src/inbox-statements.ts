/**
 * The statements a consumer records events in its inbox with (`EventConsumerRunner`): `$1` the
 * consumer, `$2`..`$5` the event's (or a batch's events') id, document, sequence and type.
 */

const INTO_INBOX = 'INSERT INTO inbox (consumer, event_id, document_id, sequence, event_type)';
const INTO_CURSORS = 'INSERT INTO consumer_cursor (consumer, document_id, last_sequence)';
/** An existing cursor moved on instead. */
const CURSOR_MOVED_ON = 'ON CONFLICT (consumer, document_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence';

/** One event's inbox row; a row back when it was not recorded before. */
export const INBOX_ONE = `${INTO_INBOX} VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT DO NOTHING RETURNING event_id`;

/**
 * One event's inbox row; the document's cursor, locked (the latest committed value, read under the
 * lock); and, when the event is new and the document's next one, the cursor moved on to it. A gap
 * or a reused number moves nothing, and the caller decides.
 */
export const INBOX_ONE_IN_ORDER = `WITH recorded AS (${INBOX_ONE}), cursor AS (
    SELECT last_sequence FROM consumer_cursor WHERE consumer = $1 AND document_id = $3 FOR UPDATE
  ), moved AS (
    -- Runs whether or not the query reads it (a data-modifying WITH always does).
    ${INTO_CURSORS}
    SELECT $1, $3, $4 WHERE EXISTS (SELECT 1 FROM recorded) AND COALESCE((SELECT last_sequence FROM cursor), 0) = $4 - 1
    ${CURSOR_MOVED_ON}
  )
  SELECT EXISTS (SELECT 1 FROM recorded) AS inserted, COALESCE((SELECT last_sequence FROM cursor), 0)::int AS last`;

/** A batch's inbox rows, in delivery order; those inserted (not recorded before) come back as `eventId`. */
export const INBOX_BATCH = `${INTO_INBOX}
  SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::text[])
  ON CONFLICT DO NOTHING RETURNING event_id AS "eventId"`;

/**
 * The inbox rows, and the cursors of the batch's documents, locked (rows with `documentId` and
 * `last`). Each cursor is looked up by its whole key: a generic plan of `document_id = ANY($3)` reads
 * every cursor of the consumer while the table has no statistics yet (a new database).
 */
export const INBOX_BATCH_IN_ORDER = `WITH recorded AS (${INBOX_BATCH}), cursor AS (
    SELECT d.id AS document_id, c.last_sequence FROM unnest($3::uuid[]) AS d(id)
    CROSS JOIN LATERAL (SELECT last_sequence FROM consumer_cursor WHERE consumer = $1 AND document_id = d.id FOR UPDATE) c
  )
  SELECT "eventId", NULL::uuid AS "documentId", NULL::int AS last FROM recorded
  UNION ALL SELECT NULL, document_id, last_sequence FROM cursor`;

/** The cursors moved on: `$2` the documents (each once), `$3` their last sequences applied. */
export const CURSORS_MOVE = `${INTO_CURSORS} SELECT $1, * FROM unnest($2::uuid[], $3::int[])
  ${CURSOR_MOVED_ON}`;

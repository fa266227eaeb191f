import { LRUCache } from 'lru-cache';
import pg from 'pg';

/** Distinct statements prepared at most (per process, so per connection); later ones run unnamed. */
const MAX_PREPARED = 256;
/** Texts seen once, remembered to count the second time; dynamic texts fall out of it. */
const SEEN_ONCE = 2048;

/**
 * Names for the statements a process runs again and again, so that PostgreSQL parses and plans each
 * once per connection rather than on every run (TypeORM sends every statement unnamed: its selects
 * and saves cost the server about twice the CPU unprepared). A text is named the second time it is
 * seen; a process names at most MAX_PREPARED texts, so a statement built with a varying number of
 * parameters cannot fill the server's memory with plans.
 */
export class StatementNames {
  private readonly seen = new LRUCache<string, true>({ max: SEEN_ONCE });
  private readonly names = new Map<string, string>();

  constructor(private readonly max = MAX_PREPARED) {}

  nameFor(text: string): string | null {
    const known = this.names.get(text);
    if (known !== undefined) return known;
    if (this.names.size >= this.max) return null;
    if (!this.seen.has(text)) {
      this.seen.set(text, true);
      return null;
    }
    this.seen.delete(text);
    const name = `sanshen_auto_${this.names.size + 1}`;
    this.names.set(text, name);
    return name;
  }
}

/** The process's statement names: one table, so a name means one text on every connection. */
export const statementNames = new StatementNames();

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const plainQuery = pg.Client.prototype.query as unknown as Query;

/** How TypeORM opens, commits and rolls back a transaction (PostgresQueryRunner). */
const BEGIN = 'START TRANSACTION';
const COMMIT = 'COMMIT';
const ENDS: ReadonlySet<string> = new Set([COMMIT, 'ROLLBACK']);

/** A result as pg gives it for a statement that returns no rows (TypeORM reads `rows` and `command`). */
const noRows = (command: string): pg.QueryResult => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });

/**
 * A COMMIT that PostgreSQL answered with ROLLBACK: a statement of the transaction had failed (one sent
 * without waiting for its answer, or one whose error the caller caught), so nothing of it was kept.
 */
export class RolledBackAtCommitError extends Error {
  constructor() {
    super('COMMIT rolled the transaction back: a statement in it had failed');
    this.name = 'RolledBackAtCommitError';
  }
}

/**
 * node-postgres' client, with two savings on every connection of the pool (given to pg's Pool as its
 * `Client` through TypeORM's `extra`):
 *
 * - A repeated statement with parameters runs as a named prepared statement (pg prepares it on the
 *   connection the first time, then only binds and executes it). Statements without parameters
 *   (BEGIN, COMMIT, DDL) and query objects go as they are.
 * - A transaction's BEGIN costs no round trip of its own: TypeORM's `START TRANSACTION` is answered
 *   at once and held, then written in one packet with the transaction's first statement, the two
 *   pipelined (pg's `pipeline` mode: the second is sent without waiting for the first's reply). The
 *   caller of that first statement gets BEGIN's error if BEGIN failed. PostgreSQL refuses BEGIN only
 *   inside an aborted transaction, where it refuses the statement behind it too, so nothing runs
 *   outside the transaction it was meant for. A transaction that ends before any statement
 *   (BEGIN, then COMMIT or ROLLBACK) sends nothing at all.
 *
 * And one check: PostgreSQL answers the COMMIT of a transaction in which a statement failed with
 * ROLLBACK, not with an error; here that COMMIT fails (RolledBackAtCommitError). So a COMMIT may be
 * sent right behind writes whose answers nobody has awaited yet: it succeeds only if they all did.
 */
export class PreparingClient extends pg.Client {
  /** A `START TRANSACTION` answered but not yet sent. */
  beginHeld = false;

  constructor(config?: string | pg.ClientConfig) {
    super({ ...(typeof config === 'string' ? { connectionString: config } : config), pipeline: true });
  }
}

PreparingClient.prototype.query = function query(this: PreparingClient, ...args: unknown[]): unknown {
  const [text, values, ...rest] = args;
  const promised = rest.length === 0 && typeof values !== 'function';
  if (promised && values === undefined && typeof text === 'string') {
    if (text === BEGIN && !this.beginHeld) {
      this.beginHeld = true;
      return Promise.resolve(noRows('BEGIN'));
    }
    if (ENDS.has(text) && this.beginHeld) {
      this.beginHeld = false;
      return Promise.resolve(noRows(text));
    }
  }
  if (!this.beginHeld) return text === COMMIT && promised ? commit(this) : sendPrepared(this, args);
  this.beginHeld = false;
  const stream = (this as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
  stream.cork();
  try {
    const begun = plainQuery.call(this, BEGIN) as Promise<pg.QueryResult>;
    const sent = sendPrepared(this, args);
    if (!promised) {
      begun.catch(() => undefined);
      return sent;
    }
    return Promise.all([begun, sent]).then(([, result]) => result);
  } finally {
    stream.uncork();
  }
} as pg.Client['query'];

function commit(client: pg.Client): Promise<pg.QueryResult> {
  return (plainQuery.call(client, COMMIT) as Promise<pg.QueryResult>).then((result) => {
    if (result.command === 'ROLLBACK') throw new RolledBackAtCommitError();
    return result;
  });
}

/** The query as asked, a repeated text with parameters as a named prepared statement. */
function sendPrepared(client: pg.Client, args: unknown[]): unknown {
  const [text, values, ...rest] = args;
  if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
    const name = statementNames.nameFor(text);
    if (name !== null) return plainQuery.call(client, { name, text, values }, ...rest);
  }
  return plainQuery.apply(client, args);
}

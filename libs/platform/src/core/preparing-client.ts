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
 * node-postgres' client, with three savings on every connection of the pool (given to pg's Pool as its
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
 * - The statements issued in one burst of work go out in one write (holdBurst).
 *
 * And one check: PostgreSQL answers the COMMIT of a transaction in which a statement failed with
 * ROLLBACK, not with an error; here that COMMIT fails (RolledBackAtCommitError). So a COMMIT may be
 * sent right behind writes whose answers nobody has awaited yet: it succeeds only if they all did.
 */
export class PreparingClient extends pg.Client {
  /** A `START TRANSACTION` answered but not yet sent. */
  beginHeld = false;
  /** The socket is corked until the statements issued in this burst of work are all written. */
  burstHeld = false;

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
  // Past here something is written: the held BEGIN and an empty transaction's end are not.
  holdBurst(this);
  if (!this.beginHeld) return text === COMMIT && promised ? commit(this) : sendPrepared(this, args);
  this.beginHeld = false;
  // Written in one packet with the statement behind it: the burst holds the socket (holdBurst).
  const begun = plainQuery.call(this, BEGIN) as Promise<pg.QueryResult>;
  const sent = sendPrepared(this, args);
  if (!promised) {
    begun.catch(() => undefined);
    return sent;
  }
  return Promise.all([begun, sent]).then(([, result]) => result);
} as pg.Client['query'];

interface Corkable {
  cork(): void;
  uncork(): void;
}

const socketOf = (client: pg.Client): Corkable => (client as unknown as { connection: { stream: Corkable } }).connection.stream;

/**
 * How many times the work in hand runs out before a held burst is written: once for the statements
 * issued along with the first, once more for a COMMIT issued behind them (transactionBehindWrites
 * waits one tick for its writes, then sends the COMMIT).
 */
const BURST_HOPS = 2;

/** Calls `done` once the microtasks and ticks queued now, and those they queue, have run `hops` times over. */
function whenWorkRunsOut(hops: number, done: () => void): void {
  // A tick queued from a microtask runs once the microtask queue is empty: all that is in hand has run.
  queueMicrotask(() => process.nextTick(() => (hops > 1 ? whenWorkRunsOut(hops - 1, done) : done())));
}

/**
 * Statements issued in one burst of work (the same turn of the event loop, before it waits for I/O
 * again) go to PostgreSQL in one write rather than one each: a transaction's BEGIN, inbox statement
 * and the read sent along; its writes sent behind and the COMMIT behind them. Every write system call
 * costs each side (the sender's syscall, the server's wake-up and read) more than the bytes it
 * carries. The socket is uncorked before the process waits for anything, so no statement waits for
 * I/O: one whose answer is awaited goes out when the work that issued it runs out, as soon as it could.
 */
function holdBurst(client: PreparingClient): void {
  if (client.burstHeld) return;
  client.burstHeld = true;
  const stream = socketOf(client);
  stream.cork();
  whenWorkRunsOut(BURST_HOPS, () => {
    client.burstHeld = false;
    stream.uncork();
  });
}

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

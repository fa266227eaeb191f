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

/**
 * node-postgres' client, running a repeated statement with parameters as a named prepared statement
 * (pg prepares it on the connection the first time and then only binds and executes it). Given to
 * the pool as its `Client` (TypeORM passes `extra` to pg's Pool). Statements without parameters
 * (BEGIN, COMMIT, DDL) and query objects go as they are.
 */
export class PreparingClient extends pg.Client {}

PreparingClient.prototype.query = function queryPreparedWhenRepeated(this: pg.Client, ...args: unknown[]): unknown {
  const [text, values, ...rest] = args;
  if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
    const name = statementNames.nameFor(text);
    if (name !== null) return plainQuery.call(this, { name, text, values }, ...rest);
  }
  return plainQuery.apply(this, args);
} as pg.Client['query'];

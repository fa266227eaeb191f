import { readFileSync, statSync } from 'node:fs';
import pg from 'pg';

/** The backends of one database (their pids, for CPU) and its transaction and row counters. */
export class DatabaseStats {
  private constructor(
    private readonly client: pg.Client,
    private readonly database: string,
  ) {}

  static async open(adminUrl: string, database: string): Promise<DatabaseStats> {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    return new DatabaseStats(client, database);
  }

  async backendPids(): Promise<number[]> {
    const { rows } = await this.client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [this.database]);
    return rows.map((row) => row.pid);
  }

  async counters(): Promise<Record<string, number>> {
    // Backends flush their statistics at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await this.client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await this.client.query<Record<string, string>>(
      `SELECT xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted
         FROM pg_stat_database WHERE datname = $1`,
      [this.database],
    );
    return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([key, value]) => [key, Number(value)]));
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

export function counterDelta(before: Record<string, number>, after: Record<string, number>, per: number): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((key) => [key, ((after[key] ?? 0) - (before[key] ?? 0)) / per]));
}

export const POSTGRES_LOG = '/var/log/postgresql/postgresql-15-main.log';

/** Where the server's log ends now: statements logged from here on are the window's. */
export function logOffset(file = POSTGRES_LOG): number {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
}

export interface StatementCost {
  statement: string;
  calls: number;
  totalMs: number;
}

/**
 * Statements logged (log_min_duration_statement = 0 on the bench database) between two offsets of
 * the server's log: calls and total duration (parse + bind + execute) per statement text.
 */
export function statementsBetween(from: number, to: number, database: string, file = POSTGRES_LOG): StatementCost[] {
  if (from < 0 || to <= from) return [];
  let text: string;
  try {
    text = readFileSync(file).subarray(from, to).toString('utf8');
  } catch {
    return [];
  }
  const costs = new Map<string, StatementCost>();
  // `2026-… UTC [pid] user@database LOG:  duration: 0.123 ms  execute <unnamed>: SELECT …` (continuation lines start with a tab).
  const entries = text.split(/\n(?=\d{4}-\d\d-\d\d )/);
  for (const entry of entries) {
    const match = /\] \S*@(\S+) LOG:\s+duration: ([\d.]+) ms\s+(statement|execute|parse|bind)[^:]*: ([\s\S]*)/.exec(entry);
    if (!match || match[1] !== database) continue;
    const phase = match[3] as string;
    const statement = (match[4] as string).split('\n')[0]!.replace(/\s+/g, ' ').trim().slice(0, 160);
    const cost = costs.get(statement) ?? { statement, calls: 0, totalMs: 0 };
    // Parse, bind and execute are logged apart (no statement is prepared): their time adds up, one call.
    if (phase === 'execute' || phase === 'statement') cost.calls += 1;
    cost.totalMs += Number(match[2]);
    costs.set(statement, cost);
  }
  return [...costs.values()].sort((a, b) => b.totalMs - a.totalMs);
}

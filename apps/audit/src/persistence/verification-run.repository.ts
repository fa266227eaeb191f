import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { ChainBreak, ChainCheckpoint } from '../domain/ledger-chain.js';
import type { RecordedRuns, VerificationMode } from '../domain/verification-plan.js';

export type RunTrigger = 'schedule' | 'request';
export type RunStatus = 'running' | 'ok' | 'broken' | 'abandoned' | 'failed';

/** One background verification as recorded. */
export interface VerificationRun {
  id: number;
  mode: VerificationMode;
  trigger: RunTrigger;
  status: RunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  fromPosition: number;
  headPosition: number;
  checked: number;
  through: ChainCheckpoint;
  firstBroken: ChainBreak | null;
}

interface RunRow {
  id: string;
  mode: VerificationMode;
  trigger: RunTrigger;
  status: RunStatus;
  started_at: Date;
  finished_at: Date | null;
  from_position: string;
  head_position: string;
  checked: string;
  through_position: string;
  through_hash: string;
  broken_position: string | null;
  broken_event_id: string | null;
  broken_code: ChainBreak['code'] | null;
  broken_reason: string | null;
}

function toRun(row: RunRow): VerificationRun {
  return {
    id: Number(row.id),
    mode: row.mode,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    fromPosition: Number(row.from_position),
    headPosition: Number(row.head_position),
    checked: Number(row.checked),
    through: { position: Number(row.through_position), hash: row.through_hash },
    firstBroken:
      row.broken_code === null
        ? null
        : { position: Number(row.broken_position), eventId: row.broken_event_id ?? '', code: row.broken_code, reason: row.broken_reason ?? '' },
  };
}

/** The `verification_run` table: one row per background verification, updated while it runs. */
@Injectable()
export class VerificationRunRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Runs left `running` by a process that died: only the lock holder calls this, so none of them still runs. */
  async closeAbandoned(manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE verification_run SET status = 'abandoned', finished_at = now() WHERE status = 'running'`);
  }

  async recorded(manager: EntityManager): Promise<RecordedRuns> {
    const [last] = (await manager.query(
      `SELECT * FROM verification_run WHERE status IN ('ok', 'broken') ORDER BY id DESC LIMIT 1`,
    )) as RunRow[];
    const [full] = (await manager.query(
      `SELECT started_at FROM verification_run WHERE status = 'ok' AND mode = 'full' ORDER BY id DESC LIMIT 1`,
    )) as { started_at: Date }[];
    const run = last === undefined ? null : toRun(last);
    return {
      lastFinished: run === null ? null : { finishedAt: run.finishedAt ?? run.startedAt, ok: run.status === 'ok', through: run.through },
      lastIntactFullStartedAt: full?.started_at ?? null,
    };
  }

  async start(
    manager: EntityManager,
    run: { mode: VerificationMode; trigger: RunTrigger; requestedBy: string | null; from: ChainCheckpoint; headPosition: number },
  ): Promise<number> {
    const [row] = (await manager.query(
      `INSERT INTO verification_run (mode, trigger, requested_by, status, from_position, head_position, through_position, through_hash)
       VALUES ($1, $2, $3, 'running', $4, $5, $4, $6) RETURNING id`,
      [run.mode, run.trigger, run.requestedBy, run.from.position, run.headPosition, run.from.hash],
    )) as { id: string }[];
    return Number(row!.id);
  }

  /** How far a running run has come (the status shows it). */
  async progress(manager: EntityManager, id: number, checked: number, through: ChainCheckpoint): Promise<void> {
    await manager.query(`UPDATE verification_run SET checked = $2, through_position = $3, through_hash = $4 WHERE id = $1`, [
      id,
      checked,
      through.position,
      through.hash,
    ]);
  }

  /** The run's verdict: ok, broken at `broken`, or ended without one (abandoned at shutdown, failed on an error). */
  async finish(
    manager: EntityManager,
    id: number,
    outcome: { status: Exclude<RunStatus, 'running'>; checked: number; through: ChainCheckpoint; broken?: ChainBreak | null; error?: string },
  ): Promise<void> {
    const broken = outcome.broken ?? null;
    await manager.query(
      `UPDATE verification_run
          SET status = $2, finished_at = now(), checked = $3, through_position = $4, through_hash = $5,
              broken_position = $6, broken_event_id = $7, broken_code = $8, broken_reason = $9, error = $10
        WHERE id = $1`,
      [id, outcome.status, outcome.checked, outcome.through.position, outcome.through.hash, broken?.position ?? null, broken?.eventId ?? null, broken?.code ?? null, broken?.reason ?? null, outcome.error ?? null],
    );
  }

  /** The last run with a verdict, the run in progress if any, and when a full run last found the chain intact. */
  async latest(): Promise<{ finished: VerificationRun | null; running: VerificationRun | null; lastIntactFullAt: Date | null }> {
    const rows = (await this.dataSource.query(
      `(SELECT 'finished' AS part, * FROM verification_run WHERE status IN ('ok', 'broken') ORDER BY id DESC LIMIT 1)
       UNION ALL
       (SELECT 'running' AS part, * FROM verification_run WHERE status = 'running' ORDER BY id DESC LIMIT 1)
       UNION ALL
       (SELECT 'full' AS part, * FROM verification_run WHERE status = 'ok' AND mode = 'full' ORDER BY id DESC LIMIT 1)`,
    )) as (RunRow & { part: 'finished' | 'running' | 'full' })[];
    const part = (name: string) => {
      const row = rows.find((candidate) => candidate.part === name);
      return row === undefined ? null : toRun(row);
    };
    return { finished: part('finished'), running: part('running'), lastIntactFullAt: part('full')?.finishedAt ?? null };
  }
}

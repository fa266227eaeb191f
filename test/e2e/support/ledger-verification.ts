import { waitFor } from '../../support/wait-for.js';
import type { Session } from './api.js';

/**
 * An auditor asks for a full verification of the whole ledger (POST /api/v1/audit/verify; again while
 * another run is in progress, so the run reads the ledger as it is now) and waits for its result
 * (GET /api/v1/audit/verify once it names that run).
 */
export async function verifyLedgerNow(auditor: Session, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const runId = await waitFor(
    async () => {
      const started = await auditor.post('/api/v1/audit/verify');
      if (started.status !== 202) throw new Error(`POST /api/v1/audit/verify: ${started.status} ${JSON.stringify(started.body)}`);
      return started.body.started === true ? (started.body.runId as number) : undefined;
    },
    { timeoutMs, intervalMs: 200, what: 'a verification run to start' },
  );
  return waitFor(
    async () => {
      const status = await auditor.get('/api/v1/audit/verify');
      return typeof status.body.runId === 'number' && status.body.runId >= runId ? (status.body as Record<string, unknown>) : undefined;
    },
    { timeoutMs, intervalMs: 200, what: `verification run ${runId} to finish` },
  );
}

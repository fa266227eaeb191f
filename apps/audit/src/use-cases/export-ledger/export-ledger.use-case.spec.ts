import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@sanshen/kernel';
import type { Actor, Role } from '@sanshen/kernel';
import type { LedgerEntryOrmEntity } from '../../persistence/ledger-entry.orm-entity.js';
import type { LedgerRepository } from '../../persistence/ledger.repository.js';
import { EXPORT_MAX_ENTRIES, ExportLedgerUseCase } from './export-ledger.use-case.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function actor(roles: Role[]): Actor {
  return { userId: 'u-1', agencyId: 'ag-1', agencyName: '机关', departmentId: null, roles, oversees: [], displayName: '审计员' };
}

function row(position: number): LedgerEntryOrmEntity {
  return {
    position,
    eventId: `e-${position}`,
    eventType: 'document.created',
    documentId: 'd-1',
    sequence: position,
    recordedAt: new Date('2026-01-01T00:00:00Z'),
    statusAfter: 'draft',
    violation: null,
    canonical: `{"n":${position}}`,
    documentPrevHash: '0'.repeat(64),
    documentHash: 'a'.repeat(64),
    prevHash: '0'.repeat(64),
    hash: `${position}`.padStart(64, 'b'),
  } as unknown as LedgerEntryOrmEntity;
}

/** A strict fake: only `recordedBetween` may be called. */
function ledgerWith(rows: LedgerEntryOrmEntity[], calls: unknown[][] = []): LedgerRepository {
  return {
    recordedBetween: async (...args: unknown[]) => {
      calls.push(args);
      return rows;
    },
  } as unknown as LedgerRepository;
}

const PERIOD = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };

describe('ExportLedgerUseCase', () => {
  it('writes one line per entry and a digest line over exactly the preceding bytes', async () => {
    const calls: unknown[][] = [];
    const reply = await new ExportLedgerUseCase(ledgerWith([row(3), row(7)], calls)).execute(actor(['auditor']), PERIOD, new Date('2026-03-01T00:00:00Z'));
    const lines = reply.jsonl.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(4);
    const entries = lines.slice(0, 2).map((line) => JSON.parse(line) as { type: string; position: number; canonical: string });
    expect(entries.map((entry) => [entry.type, entry.position, entry.canonical])).toEqual([
      ['entry', 3, '{"n":3}'],
      ['entry', 7, '{"n":7}'],
    ]);
    const digest = JSON.parse(lines[2]!) as Record<string, unknown>;
    expect(digest).toMatchObject({ type: 'digest', count: 2, firstPosition: 3, lastPosition: 7, agencyId: 'ag-1', exportedBy: 'u-1' });
    expect(digest.digest).toBe(`sha256:${sha256(`${lines[0]}\n${lines[1]}\n`)}`);
    expect(reply.count).toBe(2);
    expect(calls).toEqual([['ag-1', new Date(PERIOD.from), new Date(PERIOD.to), EXPORT_MAX_ENTRIES + 1]]);
  });

  it('digests an empty period as the hash of nothing', async () => {
    const reply = await new ExportLedgerUseCase(ledgerWith([])).execute(actor(['auditor']), PERIOD);
    expect(JSON.parse(reply.jsonl)).toMatchObject({ type: 'digest', count: 0, digest: `sha256:${sha256('')}`, lastHash: null });
  });

  it.each([
    [['admin', 'auditor'] as Role[], 'AUDIT.FORBIDDEN'],
    [['drafter'] as Role[], 'AUDIT.FORBIDDEN'],
  ])('refuses %j before reading anything', async (roles, code) => {
    const calls: unknown[][] = [];
    await expect(new ExportLedgerUseCase(ledgerWith([], calls)).execute(actor(roles), PERIOD)).rejects.toMatchObject({ code });
    expect(calls).toHaveLength(0);
  });

  it.each([
    { from: 'yesterday', to: PERIOD.to },
    { from: PERIOD.to, to: PERIOD.from },
    { from: PERIOD.from, to: PERIOD.from },
    { from: '2024-01-01T00:00:00Z', to: '2025-01-02T00:00:00Z' },
  ])('refuses the period %j', async (period) => {
    await expect(new ExportLedgerUseCase(ledgerWith([])).execute(actor(['auditor']), period)).rejects.toMatchObject({
      code: 'AUDIT.EXPORT_RANGE_INVALID',
    });
  });

  it('refuses a period with more entries than one export holds', async () => {
    const rows = Array.from({ length: EXPORT_MAX_ENTRIES + 1 }, (_, index) => row(index + 1));
    const error = await new ExportLedgerUseCase(ledgerWith(rows)).execute(actor(['auditor']), PERIOD).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('AUDIT.EXPORT_TOO_LARGE');
  });
});

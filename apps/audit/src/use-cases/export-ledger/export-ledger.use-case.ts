import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuditExportReply, AuditExportRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { verifyAccess } from '../../domain/ledger-access.js';
import type { LedgerEntryOrmEntity } from '../../persistence/ledger-entry.orm-entity.js';
import { LedgerRepository } from '../../persistence/ledger.repository.js';

export const EXPORT_MAX_PERIOD_MS = 366 * 24 * 60 * 60 * 1000;
/** One reply travels over NATS (1 MiB by default): an export is bounded in entries and bytes. */
export const EXPORT_MAX_ENTRIES = 2_000;
export const EXPORT_MAX_BYTES = 900 * 1024;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The ledger entries of the auditor's agency recorded in [from, to), as JSON Lines, then one digest
 * line: `sha256` of every preceding byte (the lines and their newlines), so a truncated or edited
 * export is evident. Each entry line carries the hashed `canonical` text and both chains' hashes, so
 * the chains can be recomputed from the export alone. Auditors only; never an administrator (三员分立).
 */
@Injectable()
export class ExportLedgerUseCase {
  constructor(@Inject(LedgerRepository) private readonly ledger: LedgerRepository) {}

  async execute(actor: Actor, request: AuditExportRequest, now = new Date()): Promise<AuditExportReply> {
    const access = verifyAccess(actor);
    if (!access.ok) throw new DomainError(access.error.code, { reason: access.error.reason });
    const from = new Date(request.from);
    const to = new Date(request.to);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from || to.getTime() - from.getTime() > EXPORT_MAX_PERIOD_MS) {
      throw new DomainError('AUDIT.EXPORT_RANGE_INVALID', { from: request.from, to: request.to });
    }
    const rows = await this.ledger.recordedBetween(actor.agencyId, from, to, EXPORT_MAX_ENTRIES + 1);
    if (rows.length > EXPORT_MAX_ENTRIES) throw new DomainError('AUDIT.EXPORT_TOO_LARGE', { maxEntries: EXPORT_MAX_ENTRIES });
    let body = '';
    for (const row of rows) {
      body += `${JSON.stringify(exportLine(row))}\n`;
      if (Buffer.byteLength(body, 'utf8') > EXPORT_MAX_BYTES) throw new DomainError('AUDIT.EXPORT_TOO_LARGE', { maxBytes: EXPORT_MAX_BYTES });
    }
    const last = rows.at(-1);
    const digest = {
      type: 'digest',
      algorithm: 'sha256',
      digest: `sha256:${sha256(body)}`,
      count: rows.length,
      from: from.toISOString(),
      to: to.toISOString(),
      agencyId: actor.agencyId,
      firstPosition: rows[0]?.position ?? null,
      lastPosition: last?.position ?? null,
      lastHash: last?.hash ?? null,
      exportedAt: now.toISOString(),
      exportedBy: actor.userId,
    };
    return { jsonl: `${body}${JSON.stringify(digest)}\n`, count: rows.length };
  }
}

function exportLine(row: LedgerEntryOrmEntity) {
  return {
    type: 'entry',
    position: row.position,
    eventId: row.eventId,
    eventType: row.eventType,
    documentId: row.documentId,
    sequence: row.sequence,
    recordedAt: row.recordedAt.toISOString(),
    statusAfter: row.statusAfter,
    violation: row.violation,
    canonical: row.canonical,
    documentPrevHash: row.documentPrevHash,
    documentHash: row.documentHash,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

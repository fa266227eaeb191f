import { Injectable } from '@nestjs/common';
import { scanSections } from '@sanshen/content-checks';
import type { ContentScanReply, ContentScanRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { DictionarySnapshots } from '../scan-version/dictionary-snapshot.js';

const MAX_TEXT = 2_000_000;

/**
 * Drafting's pre-check: the same content checks the secrecy scan runs, with the current dictionary
 * (entries, exceptions, the agency's leaders), so a drafter sees what the secrecy officer will.
 * Read-only; nothing is stored.
 */
@Injectable()
export class PreviewScanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly snapshots: DictionarySnapshots,
  ) {}

  async execute(actor: Actor, request: ContentScanRequest): Promise<ContentScanReply> {
    const size = request.sections.reduce((total, section) => total + section.text.length, 0);
    if (size > MAX_TEXT) throw new DomainError('REQUEST.TOO_LARGE', { characters: size });
    const snapshot = await this.snapshots.current(this.dataSource.manager, actor.agencyId);
    const result = scanSections(request.sections, {
      dictionary: snapshot.dictionary,
      ...(snapshot.leaders === null ? {} : { leaders: snapshot.leaders, documentDate: request.documentDate }),
    });
    if (!result.ok) throw new DomainError('REQUEST.INVALID', { reason: result.error.code });
    return {
      dictionaryVersion: snapshot.version,
      findings: result.value.map((finding) => ({
        section: finding.section,
        type: finding.type,
        severity: finding.severity,
        start: finding.start,
        end: finding.end,
        matched: finding.matched,
        suggestion: finding.suggestion,
        message: finding.message,
      })),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { STARTER_DICTIONARY, STARTER_EXCEPTIONS, compileDictionary, compileLeaders, scanSections } from '@sanshen/content-checks';
import type { CompiledDictionary, CompiledLeaders, SectionFinding, TextSection } from '@sanshen/content-checks';
import type { ContentFindingView, DictionaryVersionPublishedPayload } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { DictionaryCopyRepository } from '../../persistence/dictionary-copy.repository.js';

/** What stands in until drafting holds a copy of the secrecy dictionary (the set its first version was seeded with). */
const STARTER = compileDictionary(STARTER_DICTIONARY, STARTER_EXCEPTIONS).dictionary;

export interface ContentScan {
  /** The secrecy dictionary version used; null: drafting holds no copy yet, the built-in starter dictionary was used. */
  dictionaryVersion: number | null;
  findings: ContentFindingView[];
}

interface Compiled {
  version: number;
  dictionary: CompiledDictionary;
  leaders: ReadonlyMap<string, CompiledLeaders>;
}

/**
 * The content checks where the content is: libs/content-checks with drafting's copy of the secrecy
 * dictionary (entries, exceptions, the agency's leaders as of the document's date), the version it
 * was given by the secrecy service's `dictionary.version_published`. Compiled once per version.
 */
@Injectable()
export class DictionaryCopy {
  private compiled: Compiled | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly copies: DictionaryCopyRepository,
  ) {}

  async scan(sections: TextSection[], agencyId: string, documentDate: string): Promise<ContentScan> {
    const compiled = await this.current();
    const leaders = compiled?.leaders.get(agencyId);
    const result = scanSections(sections, { dictionary: compiled?.dictionary ?? STARTER, ...(leaders === undefined ? {} : { leaders, documentDate }) });
    if (!result.ok) throw new DomainError('REQUEST.INVALID', { reason: result.error.code });
    return { dictionaryVersion: compiled?.version ?? null, findings: result.value.map(toContentFindingView) };
  }

  private async current(): Promise<Compiled | null> {
    const version = await this.copies.version(this.dataSource.manager);
    if (version === null) return null;
    if (this.compiled?.version === version) return this.compiled;
    const copy = await this.copies.load(this.dataSource.manager);
    if (copy === null) return null;
    this.compiled = compile(copy);
    return this.compiled;
  }
}

function compile(copy: DictionaryVersionPublishedPayload): Compiled {
  const byAgency = new Map<string, DictionaryVersionPublishedPayload['leaders']>();
  for (const tenure of copy.leaders) byAgency.set(tenure.agencyId, [...(byAgency.get(tenure.agencyId) ?? []), tenure]);
  return {
    version: copy.version,
    dictionary: compileDictionary(copy.entries, copy.exceptions).dictionary,
    leaders: new Map([...byAgency].map(([agencyId, tenures]) => [agencyId, compileLeaders(tenures).leaders])),
  };
}

function toContentFindingView(f: SectionFinding): ContentFindingView {
  return { section: f.section, type: f.type, severity: f.severity, start: f.start, end: f.end, matched: f.matched, suggestion: f.suggestion, message: f.message };
}

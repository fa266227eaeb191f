import { Injectable } from '@nestjs/common';
import { compileDictionary, compileLeaders, scanSections } from '@sanshen/content-checks';
import type { CompiledDictionary, CompiledLeaders, TextSection } from '@sanshen/content-checks';
import type { ContentFindingView, DictionaryVersionPublishedPayload } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { DictionaryCopyRepository } from '../../persistence/dictionary-copy.repository.js';
import { scanWithStarterDictionary, toContentFindingView } from './document-checks.js';

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
    if (compiled === null) return { dictionaryVersion: null, findings: scanWithStarterDictionary(sections) };
    const leaders = compiled.leaders.get(agencyId);
    const result = scanSections(sections, { dictionary: compiled.dictionary, ...(leaders === undefined ? {} : { leaders, documentDate }) });
    if (!result.ok) throw new DomainError('REQUEST.INVALID', { reason: result.error.code });
    return { dictionaryVersion: compiled.version, findings: result.value.map(toContentFindingView) };
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

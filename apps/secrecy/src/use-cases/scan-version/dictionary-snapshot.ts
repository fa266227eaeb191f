import { Injectable } from '@nestjs/common';
import { compileDictionary, compileLeaders } from '@sanshen/content-checks';
import type { CompiledDictionary, CompiledLeaders } from '@sanshen/content-checks';
import type { EntityManager } from 'typeorm';
import { DictionaryRepository } from '../../persistence/dictionary.repository.js';

export interface DictionarySnapshot {
  version: number;
  dictionary: CompiledDictionary;
  /** The agency's leaders at that version; null when it has none. */
  leaders: CompiledLeaders | null;
}

const KEEP = 4;

/**
 * The dictionary as of a version, compiled once per version (compiling is tens of milliseconds for
 * thousands of entries) and kept for the next scans; leaders are per agency and cheap to compile.
 */
@Injectable()
export class DictionarySnapshots {
  private readonly compiled = new Map<number, CompiledDictionary>();

  constructor(private readonly dictionary: DictionaryRepository) {}

  async current(manager: EntityManager, agencyId: string): Promise<DictionarySnapshot> {
    const version = await this.dictionary.currentVersion(manager);
    return this.at(manager, agencyId, version);
  }

  async at(manager: EntityManager, agencyId: string, version: number): Promise<DictionarySnapshot> {
    let dictionary = this.compiled.get(version);
    if (dictionary === undefined) {
      const [entries, exceptions] = await Promise.all([this.dictionary.entriesAt(manager, version), this.dictionary.exceptionsAt(manager, version)]);
      dictionary = compileDictionary(entries, exceptions).dictionary;
      this.compiled.set(version, dictionary);
      for (const old of [...this.compiled.keys()].sort((a, b) => a - b).slice(0, Math.max(0, this.compiled.size - KEEP))) this.compiled.delete(old);
    }
    const tenures = await this.dictionary.leadersAt(manager, agencyId, version);
    return { version, dictionary, leaders: tenures.length === 0 ? null : compileLeaders(tenures).leaders };
  }
}

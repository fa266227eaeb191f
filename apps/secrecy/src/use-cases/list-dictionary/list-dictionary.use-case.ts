import { Injectable } from '@nestjs/common';
import type { DictionaryEntryView, DictionaryExceptionView, DictionaryPage, DictionaryVersionPage, LeaderView, ListDictionaryRequest, ListDictionaryVersionsRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { DictionaryRepository } from '../../persistence/dictionary.repository.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/** Reads the live dictionary and its version log: admins, who edit it, and secrecy officers, who work with it. */
@Injectable()
export class ListDictionaryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dictionary: DictionaryRepository,
  ) {}

  async entries(actor: Actor, request: ListDictionaryRequest): Promise<DictionaryPage<DictionaryEntryView>> {
    assertReader(actor);
    const { offset, limit } = window(request);
    const manager = this.dataSource.manager;
    const [version, page] = await Promise.all([this.dictionary.currentVersion(manager), this.dictionary.listEntries(manager, query(request), offset, limit)]);
    return { version, ...page };
  }

  async exceptions(actor: Actor, request: ListDictionaryRequest): Promise<DictionaryPage<DictionaryExceptionView>> {
    assertReader(actor);
    const { offset, limit } = window(request);
    const manager = this.dataSource.manager;
    const [version, page] = await Promise.all([this.dictionary.currentVersion(manager), this.dictionary.listExceptions(manager, query(request), offset, limit)]);
    return { version, ...page };
  }

  /** The actor's own agency's leaders. */
  async leaders(actor: Actor, request: ListDictionaryRequest): Promise<DictionaryPage<LeaderView>> {
    assertReader(actor);
    const { offset, limit } = window(request);
    const manager = this.dataSource.manager;
    const [version, page] = await Promise.all([
      this.dictionary.currentVersion(manager),
      this.dictionary.listLeaders(manager, actor.agencyId, query(request), offset, limit),
    ]);
    return { version, ...page };
  }

  async versions(actor: Actor, request: ListDictionaryVersionsRequest): Promise<DictionaryVersionPage> {
    assertReader(actor);
    const { offset, limit } = window(request);
    return this.dictionary.versions(this.dataSource.manager, offset, limit);
  }
}

function assertReader(actor: Actor): void {
  if (!actor.roles.includes('admin') && !actor.roles.includes('secrecy_officer')) {
    throw new DomainError('AUTH.FORBIDDEN', { allowed: ['admin', 'secrecy_officer'] });
  }
}

function query(request: ListDictionaryRequest): string | undefined {
  const q = request.q?.trim();
  return q === undefined || q === '' ? undefined : q;
}

function window(request: { limit?: number; cursor?: string }): { offset: number; limit: number } {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(request.limit ?? DEFAULT_LIMIT)));
  const offset = request.cursor === undefined ? 0 : Number(request.cursor);
  if (!Number.isInteger(offset) || offset < 0) throw new DomainError('REQUEST.INVALID', { cursor: request.cursor });
  return { offset, limit };
}

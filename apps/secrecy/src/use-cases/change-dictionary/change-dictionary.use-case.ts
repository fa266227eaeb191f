import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AddDictionaryEntryRequest, AddDictionaryExceptionRequest, AddLeaderRequest, DictionaryEntryView, DictionaryExceptionView, DictionaryVersionView, LeaderView, RemoveDictionaryItemRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { transactionBehindWrites } from '@sanshen/messaging';
import { CATEGORY_LABEL, compileLeaders } from '@sanshen/content-checks';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { DictionaryRepository } from '../../persistence/dictionary.repository.js';
import type { DictionaryTable } from '../../persistence/dictionary.repository.js';
import { DictionaryPublisher } from '../publish-dictionary/dictionary-publisher.js';

const CATEGORIES = Object.keys(CATEGORY_LABEL);
const KIND_OF_TABLE = { dictionary_entries: 'entry', dictionary_exceptions: 'exception', leaders: 'leader' } as const;

/**
 * Admins change the dictionary: every change (an entry, an exception phrase, a leader's tenure
 * added or removed) makes a new dictionary version recording who, when and why. Rows are never
 * edited in place, so any version can be rebuilt; to change an entry, remove it and add the new one.
 * Each version is published whole (`dictionary.version_published`) in the same transaction, and the
 * admin's answer waits until drafting, which runs the pre-check with its copy, holds it.
 */
@Injectable()
export class ChangeDictionaryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dictionary: DictionaryRepository,
    private readonly publisher: DictionaryPublisher,
  ) {}

  async addEntry(actor: Actor, request: AddDictionaryEntryRequest, correlationId: string): Promise<DictionaryEntryView & { version: number }> {
    assertAdmin(actor);
    const reason = reasonOf(request.reason);
    const wrong = request.wrong.trim();
    const right = request.right.trim();
    if (wrong === '' || right === '' || wrong === right) throw new DomainError('DICTIONARY.ENTRY_INVALID', { wrong, right }, '错误写法和正确写法都不能为空，且不能相同');
    if (!CATEGORIES.includes(request.category)) throw new DomainError('DICTIONARY.ENTRY_INVALID', { category: request.category });
    return this.inNewVersion(actor, correlationId, async (manager) => {
      if (await this.dictionary.liveEntryByWrong(manager, wrong)) throw new DomainError('DICTIONARY.DUPLICATE', { wrong });
      if ((await this.dictionary.liveExceptionByPhrase(manager, wrong)) !== null) {
        throw new DomainError('DICTIONARY.ENTRY_INVALID', { wrong }, '该写法是词库例外，不能同时作为错误写法');
      }
      const id = randomUUID();
      const version = await this.dictionary.openVersion(manager, actor, reason, { op: 'add', kind: 'entry', id, summary: `${wrong} → ${right}` }, new Date());
      const entry = await this.dictionary.addEntry(
        manager,
        { id, wrong, right, category: request.category, severity: request.severity ?? 'warning', note: request.note?.trim() || null },
        version,
      );
      return { result: { ...entry, version }, version };
    });
  }

  async addException(actor: Actor, request: AddDictionaryExceptionRequest, correlationId: string): Promise<DictionaryExceptionView & { version: number }> {
    assertAdmin(actor);
    const reason = reasonOf(request.reason);
    const phrase = request.phrase.trim();
    if (phrase === '') throw new DomainError('DICTIONARY.ENTRY_INVALID', { phrase }, '例外短语不能为空');
    return this.inNewVersion(actor, correlationId, async (manager) => {
      if ((await this.dictionary.liveExceptionByPhrase(manager, phrase)) !== null) throw new DomainError('DICTIONARY.DUPLICATE', { phrase });
      const id = randomUUID();
      const version = await this.dictionary.openVersion(manager, actor, reason, { op: 'add', kind: 'exception', id, summary: phrase }, new Date());
      const exception = await this.dictionary.addException(manager, { id, phrase, reason, findingId: null }, version);
      return { result: { ...exception, version }, version };
    });
  }

  /** A leader's tenure in the admin's own agency. */
  async addLeader(actor: Actor, request: AddLeaderRequest, correlationId: string): Promise<LeaderView & { version: number }> {
    assertAdmin(actor);
    const reason = reasonOf(request.reason);
    const tenure = { name: request.name.trim(), title: request.title.trim(), from: request.from, until: request.until ?? null };
    const { rejected } = compileLeaders([tenure]);
    if (rejected[0] !== undefined) throw new DomainError('DICTIONARY.ENTRY_INVALID', { reason: rejected[0].reason }, '领导任职信息无效（姓名、职务不能为空，日期为YYYY-MM-DD且任止日期晚于任起日期）');
    return this.inNewVersion(actor, correlationId, async (manager) => {
      const id = randomUUID();
      const version = await this.dictionary.openVersion(
        manager,
        actor,
        reason,
        { op: 'add', kind: 'leader', id, summary: `${tenure.name} ${tenure.title}（${tenure.from}起）` },
        new Date(),
      );
      const leader = await this.dictionary.addLeader(
        manager,
        { id, agency_id: actor.agencyId, name: tenure.name, title: tenure.title, from_date: tenure.from, until_date: tenure.until },
        version,
      );
      return { result: { ...leader, version }, version };
    });
  }

  async remove(actor: Actor, table: DictionaryTable, request: RemoveDictionaryItemRequest, correlationId: string): Promise<DictionaryVersionView> {
    assertAdmin(actor);
    const reason = reasonOf(request.reason);
    return this.inNewVersion(actor, correlationId, async (manager) => {
      const summary = await this.dictionary.lockLive(manager, table, request.id, actor.agencyId);
      if (summary === null) throw new DomainError('DICTIONARY.ITEM_NOT_FOUND', { id: request.id });
      const change = { op: 'remove' as const, kind: KIND_OF_TABLE[table], id: request.id, summary };
      const at = new Date();
      const version = await this.dictionary.openVersion(manager, actor, reason, change, at);
      await this.dictionary.remove(manager, table, request.id, version);
      return { result: { version, createdAt: at.toISOString(), createdById: actor.userId, createdByName: actor.displayName, reason, change }, version };
    });
  }

  /** One change in one transaction with the version it opened, published; answers once drafting holds it. */
  private async inNewVersion<T>(actor: Actor, correlationId: string, change: (manager: EntityManager) => Promise<{ result: T; version: number }>): Promise<T> {
    const {
      result: { result, events },
    } = await transactionBehindWrites(this.dataSource, async (manager) => {
      const { result, version } = await change(manager);
      return { result, events: await this.publisher.emit(manager, actor, version, correlationId, new Date()) };
    });
    await this.publisher.handOver(events);
    return result;
  }
}

function assertAdmin(actor: Actor): void {
  if (!actor.roles.includes('admin')) throw new DomainError('DICTIONARY.ADMIN_ONLY');
}

function reasonOf(reason: string | undefined): string {
  const trimmed = reason?.trim() ?? '';
  if (trimmed === '') throw new DomainError('SECRECY.REASON_REQUIRED', undefined, '修改词库必须填写理由');
  return trimmed;
}

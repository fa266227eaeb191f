import type { WordingEntry } from '@sanshen/content-checks';
import type { DocumentVersionView } from '@sanshen/contracts';
import type { DocumentStatus } from '@sanshen/kernel';
import { RecordingOutbox, transitionOver } from '@sanshen/messaging';
import type { ServiceClient } from '@sanshen/platform/rpc';
import type { DataSource, EntityManager } from 'typeorm';
import type { DictionaryRepository, DictionaryTable } from '../persistence/dictionary.repository.js';
import type { SecrecyCaseOrmEntity } from '../persistence/secrecy-case.orm-entity.js';
import type { SecrecyDecisionOrmEntity } from '../persistence/secrecy-decision.orm-entity.js';
import type { SecrecyFindingOrmEntity } from '../persistence/secrecy-finding.orm-entity.js';
import type { SecrecyScanOrmEntity } from '../persistence/secrecy-scan.orm-entity.js';
import type { SecrecyRepository } from '../persistence/secrecy.repository.js';
import type { DictionaryPublisher } from './publish-dictionary/dictionary-publisher.js';
import { ConcludeReview } from './decide-secrecy/conclude-review.js';
import type { ScanVersionUseCase } from './scan-version/scan-version.use-case.js';
import { peopleAt } from '../../../../test/support/actors.js';

/** Unit-spec fixtures of secrecy's use cases: a case, its scan and findings as plain data, in-memory ports. */
export const AGENCY = 'a-1';
export const DEPT = 'd-1';
export const DOC = '0b9f4c4e-8d57-4c53-9a7e-3c2b8f1d6a10';
export const HASH = `sha256:${'c'.repeat(64)}`;

export const person = peopleAt({ agencyId: AGENCY, agencyName: '测试局', departmentId: null });

/** The officer who may decide: of the agency, neither author nor signer of the version. */
export const officer = person('officer', ['secrecy_officer']);

export function secrecyCase(status: DocumentStatus = 'pending_secrecy', changes: Partial<SecrecyCaseOrmEntity> = {}): SecrecyCaseOrmEntity {
  return {
    documentId: DOC,
    agencyId: AGENCY,
    departmentId: DEPT,
    authorId: 'author',
    title: '标题',
    version: 3,
    contentHash: HASH,
    status,
    eventSeq: 9,
    reviewSigners: [
      { signerId: 'head', level: 1 },
      { signerId: 'deputy', level: 2 },
      { signerId: 'principal', level: 3 },
    ],
    openReferralId: null,
    reachedSecrecy: true,
    enteredAt: new Date('2026-12-01T08:00:00Z'),
    ...changes,
  };
}

export function scanOf(changes: Partial<SecrecyScanOrmEntity> = {}): SecrecyScanOrmEntity {
  return { id: 'scan-1', documentId: DOC, version: 3, contentHash: HASH, dictionaryVersion: 4, scannedAt: new Date('2026-12-01T08:00:01Z'), ...changes };
}

export function finding(id: string, changes: Partial<SecrecyFindingOrmEntity> = {}): SecrecyFindingOrmEntity {
  return {
    id,
    scanId: 'scan-1',
    documentId: DOC,
    version: 3,
    ordinal: 0,
    section: 'body',
    type: 'wording',
    severity: 'warning',
    start: 0,
    end: 2,
    matched: '帐号',
    suggestion: '账号',
    message: '规范写法为“账号”',
    disposition: null,
    dispositionReason: null,
    disposedById: null,
    disposedByName: null,
    disposedAt: null,
    ...changes,
  };
}

export function decisionOf(id: string, changes: Partial<SecrecyDecisionOrmEntity> = {}): SecrecyDecisionOrmEntity {
  return {
    id,
    documentId: DOC,
    version: 3,
    contentHash: HASH,
    conclusion: 'refer',
    basis: '依据',
    opinion: '不能确定，报请审查',
    reviewerId: 'officer',
    reviewerName: 'officer',
    decidedAt: new Date('2026-12-02T08:00:00Z'),
    referralDecisionId: null,
    answerReference: null,
    ...changes,
  };
}

export interface SecrecyWorld {
  current?: SecrecyCaseOrmEntity | null;
  scan?: SecrecyScanOrmEntity | null;
  findings?: SecrecyFindingOrmEntity[];
  decisions?: SecrecyDecisionOrmEntity[];
  /** What `ScanVersionUseCase.ensure` does when asked (default: the scan above). */
  ensure?: () => Promise<SecrecyScanOrmEntity>;
  /** Live exception phrases of the dictionary, and its current version. */
  exceptions?: string[];
  entries?: string[];
  dictionaryVersion?: number;
  /** Open findings of earlier versions (a new version's scan marks those it no longer has fixed). */
  earlierFindings?: SecrecyFindingOrmEntity[];
  /** False: another scan of the version was stored first (then `findScan` finds it). */
  scanStored?: boolean;
  /** The dictionary's words at any version (the snapshots compile them). */
  words?: WordingEntry[];
  /** What drafting answers for the version (an error: what it fails with). */
  version?: DocumentVersionView | Error;
  /** What `lockLive` finds of an item to remove (null: no live item of that id). */
  liveItem?: string | null;
}

/** Strict in-memory ports recording the order of what happened in `log`. */
export function secrecyHarness(world: SecrecyWorld = {}) {
  const log: string[] = [];
  const decisions = [...(world.decisions ?? [])];
  const findings = world.findings ?? [];
  const saved: SecrecyCaseOrmEntity[] = [];
  let dictionaryVersion = world.dictionaryVersion ?? 4;
  const recordCase = async (_manager: unknown, secrecyCase: SecrecyCaseOrmEntity) => {
    saved.push(structuredClone(secrecyCase));
    log.push(`save case ${secrecyCase.status} #${secrecyCase.eventSeq}${secrecyCase.openReferralId === null ? '' : ' referred'}`);
  };
  const secrecy = {
    findCase: async () => world.current ?? null,
    lockCase: async () => world.current ?? null,
    insertCase: recordCase,
    updateCase: recordCase,
    findScan: async () => world.scan ?? null,
    findings: async () => findings,
    lockFinding: async (_manager: unknown, id: string) => findings.find((candidate) => candidate.id === id) ?? null,
    saveFinding: async (_manager: unknown, saved: SecrecyFindingOrmEntity) => log.push(`save finding ${saved.id} ${saved.disposition}`),
    addDecision: async (_manager: unknown, decision: SecrecyDecisionOrmEntity) => {
      decisions.push(decision);
      log.push(`decide ${decision.conclusion}`);
    },
    decisions: async () => decisions,
    addScan: async (_manager: unknown, stored: SecrecyScanOrmEntity, rows: SecrecyFindingOrmEntity[]) => {
      log.push(`add scan v${stored.version} (dictionary ${stored.dictionaryVersion}): ${rows.map((row) => `${row.section} ${row.matched}`).join(', ')}`);
      return world.scanStored ?? true;
    },
    openFindingsBefore: async () => world.earlierFindings ?? [],
  } as unknown as SecrecyRepository;
  const drafting = {
    send: async (pattern: string, request: { actor: { userId: string; agencyId: string } }) => {
      log.push(`${pattern} as ${request.actor.userId}@${request.actor.agencyId}`);
      if (world.version instanceof Error) throw world.version;
      return world.version;
    },
  } as unknown as ServiceClient;
  const scan = {
    ensure: async () => {
      log.push('scan ensure');
      return (world.ensure ?? (async () => world.scan ?? scanOf()))();
    },
    tryInto: async (_manager: unknown, scanned: SecrecyCaseOrmEntity) => log.push(`scan v${scanned.version}`),
  } as unknown as ScanVersionUseCase;
  const dictionary = {
    currentVersion: async () => dictionaryVersion,
    entriesAt: async () => world.words ?? [],
    exceptionsAt: async () => world.exceptions ?? [],
    leadersAt: async () => [],
    liveEntryByWrong: async (_manager: unknown, wrong: string) => (world.entries ?? []).includes(wrong),
    liveExceptionByPhrase: async (_manager: unknown, phrase: string) =>
      (world.exceptions ?? []).includes(phrase) ? { id: 'x', phrase, reason: null, addedIn: 1 } : null,
    openVersion: async (_manager: unknown, by: { userId: string }, reason: string, change: { op: string; kind: string; summary: string }) => {
      dictionaryVersion += 1;
      log.push(`version ${dictionaryVersion} by ${by.userId} (${reason}): ${change.op} ${change.kind} ${change.summary}`);
      return dictionaryVersion;
    },
    addEntry: async (_manager: unknown, entry: { wrong: string; right: string; category: string; severity: string; note: string | null }, version: number) => {
      log.push(`add entry ${entry.wrong}→${entry.right} ${entry.severity} in ${version}`);
      return { ...entry, id: 'e', addedIn: version };
    },
    addException: async (_manager: unknown, exception: { phrase: string; reason: string; findingId: string | null }, version: number) => {
      log.push(`add exception ${exception.phrase}${exception.findingId === null ? '' : ` of ${exception.findingId}`} in ${version}`);
      return { id: 'x', phrase: exception.phrase, reason: exception.reason, addedIn: version };
    },
    addLeader: async (_manager: unknown, leader: { agency_id: string; name: string; title: string; from_date: string; until_date: string | null }, version: number) => {
      log.push(`add leader ${leader.name} of ${leader.agency_id} in ${version}`);
      return { id: 'l', agencyId: leader.agency_id, name: leader.name, title: leader.title, from: leader.from_date, until: leader.until_date, addedIn: version };
    },
    lockLive: async (_manager: unknown, table: DictionaryTable, id: string, agencyId?: string) => {
      log.push(`lock ${table} ${id} in ${agencyId}`);
      return world.liveItem === undefined ? `item ${id}` : world.liveItem;
    },
    remove: async (_manager: unknown, table: DictionaryTable, id: string, version: number) => log.push(`remove ${table} ${id} in ${version}`),
  } as unknown as DictionaryRepository;
  const outbox = new RecordingOutbox(log, 'secrecy');
  const manager = {} as EntityManager;
  const dataSource = { manager, transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(manager) } as unknown as DataSource;
  const publisher = {
    emit: async (_manager: unknown, _actor: unknown, version: number) => {
      log.push(`publish dictionary v${version}`);
      return [{ type: 'dictionary.version_published', sequence: version }];
    },
    handOver: async (events: readonly { sequence: number }[]) => {
      log.push(`drafting holds v${events[0]?.sequence}`);
    },
  } as unknown as DictionaryPublisher;
  return { secrecy, scan, dictionary, drafting, dataSource, outbox, publisher, log, decisions, saved, transition: transitionOver(outbox, manager), conclude: new ConcludeReview(secrecy) };
}

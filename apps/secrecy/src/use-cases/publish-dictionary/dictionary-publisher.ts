import { Injectable } from '@nestjs/common';
import { DICTIONARY_AGGREGATE_ID, DICTIONARY_EVENTS } from '@sanshen/contracts';
import type { DictionaryVersionPublishedPayload, EventEnvelope } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { EventOutbox } from '@sanshen/platform/events';
import type { EntityManager } from 'typeorm';
import { DictionaryRepository } from '../../persistence/dictionary.repository.js';

/** The services that keep a copy of the dictionary: drafting runs the content checks where the content is. */
const FOLLOWERS = ['drafting'] as const;

/**
 * Publishes a dictionary version: `dictionary.version_published` with the whole dictionary as of that
 * version, written to the outbox in the transaction that opened the version (sequence = version).
 */
@Injectable()
export class DictionaryPublisher {
  constructor(
    private readonly dictionary: DictionaryRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async emit(manager: EntityManager, actor: Actor, version: number, correlationId: string, at: Date): Promise<EventEnvelope[]> {
    const entries = await this.dictionary.entriesAt(manager, version);
    const exceptions = await this.dictionary.exceptionsAt(manager, version);
    const leaders = await this.dictionary.allLeadersAt(manager, version);
    const payload: DictionaryVersionPublishedPayload = { version, entries, exceptions, leaders };
    return this.outbox.emit(manager, [
      { type: DICTIONARY_EVENTS.versionPublished, documentId: DICTIONARY_AGGREGATE_ID, sequence: version, actor, correlationId, occurredAt: at, payload },
    ]);
  }

  /** After commit, for an admin who waits: answers once the followers hold the new version (bounded like every hand-over). */
  handOver(events: readonly EventEnvelope[]): Promise<void> {
    return this.outbox.handOver(events, FOLLOWERS);
  }

  /** After commit, in the background (no one waits for the followers). */
  published(): void {
    this.outbox.published();
  }
}

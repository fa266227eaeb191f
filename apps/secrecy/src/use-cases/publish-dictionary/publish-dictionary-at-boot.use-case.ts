import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { DICTIONARY_AGGREGATE_ID } from '@sanshen/contracts';
import { systemActor } from '@sanshen/kernel';
import { transactionBehindWrites } from '@sanshen/messaging';
import { DataSource } from 'typeorm';
import { DictionaryRepository } from '../../persistence/dictionary.repository.js';
import { DictionaryPublisher } from './dictionary-publisher.js';

/**
 * At boot, publishes the current dictionary version unless the outbox still holds its event: the
 * version the migration seeded, and a version whose event has left the outbox and the stream (a
 * follower that started later still gets it). One replica does it (the dictionary's lock).
 */
@Injectable()
export class PublishDictionaryAtBootUseCase implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dictionary: DictionaryRepository,
    private readonly publisher: DictionaryPublisher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { result: emitted } = await transactionBehindWrites(this.dataSource, async (manager) => {
      await this.dictionary.lock(manager);
      const version = await this.dictionary.currentVersion(manager);
      if (version === 0 || (await this.dictionary.versionInOutbox(manager, DICTIONARY_AGGREGATE_ID, version))) return false;
      await this.publisher.emit(manager, systemActor(''), version, randomUUID(), new Date());
      return true;
    });
    if (emitted) this.publisher.published();
  }
}

import { Injectable } from '@nestjs/common';
import { DICTIONARY_EVENTS } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import type { EventHandlerDefinition } from '@sanshen/messaging';
import type { EntityManager } from 'typeorm';
import { FollowDictionaryUseCase } from '../use-cases/follow-dictionary/follow-dictionary.use-case.js';

/** The secrecy dictionary's versions, each whole: the copy the pre-check runs with. Newest wins, so unordered. */
@Injectable()
export class DictionaryConsumer implements EventHandlerDefinition {
  readonly durable = 'dictionary-copy';
  readonly eventTypes = [DICTIONARY_EVENTS.versionPublished];

  constructor(private readonly follow: FollowDictionaryUseCase) {}

  handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.follow.execute(event, manager);
  }
}

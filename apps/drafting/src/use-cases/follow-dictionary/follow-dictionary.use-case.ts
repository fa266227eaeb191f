import { Injectable } from '@nestjs/common';
import type { DictionaryVersionPublishedPayload, EventEnvelope } from '@sanshen/contracts';
import type { EntityManager } from 'typeorm';
import { DictionaryCopyRepository } from '../../persistence/dictionary-copy.repository.js';

/** A dictionary version the secrecy service published becomes drafting's copy, if it is newer. */
@Injectable()
export class FollowDictionaryUseCase {
  constructor(private readonly copies: DictionaryCopyRepository) {}

  execute(event: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.copies.keep(manager, event.payload as DictionaryVersionPublishedPayload);
  }
}

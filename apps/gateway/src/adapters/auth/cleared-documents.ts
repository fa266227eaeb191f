import { Injectable } from '@nestjs/common';
import type { DocumentAccessView } from '@sanshen/contracts';
import { finalReadFacts } from '@sanshen/workflow';
import type { DocumentReadFacts } from '@sanshen/workflow';
import { LRUCache } from 'lru-cache';

/** Cleared documents whose facts one gateway keeps (about 200 bytes each). */
const MAX_DOCUMENTS = 20_000;

/**
 * The read facts of documents secrecy review has cleared, as drafting last answered them. They are
 * final (`finalReadFacts`): nothing is ever forgotten for being stale, only to stay within the bound,
 * and every gateway replica may keep its own. Documents not yet cleared are never kept.
 */
@Injectable()
export class ClearedDocuments {
  private readonly facts = new LRUCache<string, DocumentReadFacts>({ max: MAX_DOCUMENTS });

  factsOf(documentId: string): DocumentReadFacts | undefined {
    return this.facts.get(documentId);
  }

  /** Keeps drafting's answer when the document has been cleared. */
  remember(view: DocumentAccessView): void {
    const final = finalReadFacts(view);
    if (final !== null) this.facts.set(view.documentId, final);
  }
}

import { canonicalJson, sha256Hex } from '@sanshen/kernel';

/** prevHash of the first entry of the global chain and of every document's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** `sha256(prevHash ‖ canonical)`: the hex previous hash immediately followed by the canonical text. */
export function chainHash(prevHash: string, canonical: string): string {
  return sha256Hex(prevHash + canonical);
}

/** One ledger row as stored, for verification (the envelope as read back from jsonb). */
export interface StoredEntry {
  position: number;
  eventId: string;
  eventType: string;
  documentId: string;
  sequence: number;
  envelope: unknown;
  canonical: string;
  documentPrevHash: string;
  documentHash: string;
  prevHash: string;
  hash: string;
}

export type ChainBreakCode =
  | 'ENVELOPE_MISMATCH'
  | 'ENTRY_HASH_MISMATCH'
  | 'CHAIN_LINK_BROKEN'
  | 'POSITION_GAP'
  | 'DOCUMENT_HASH_MISMATCH'
  | 'DOCUMENT_LINK_BROKEN'
  | 'HEAD_MISMATCH';

export interface ChainBreak {
  position: number;
  eventId: string;
  code: ChainBreakCode;
  reason: string;
}

function broken(entry: Pick<StoredEntry, 'position' | 'eventId'>, code: ChainBreakCode, reason: string): ChainBreak {
  return { position: entry.position, eventId: entry.eventId, code, reason };
}

/**
 * What one entry says about itself: the stored envelope, its columns and the canonical text agree,
 * and both hashes are the hash of the canonical text on the stored previous hashes.
 */
export function checkEntry(entry: StoredEntry): ChainBreak | null {
  let envelopeText: string;
  try {
    envelopeText = canonicalJson(entry.envelope);
  } catch {
    envelopeText = '';
  }
  if (envelopeText !== entry.canonical) {
    return broken(entry, 'ENVELOPE_MISMATCH', 'the stored envelope does not match the hashed canonical text');
  }
  const envelope = entry.envelope as Record<string, unknown>;
  if (
    envelope.id !== entry.eventId ||
    envelope.type !== entry.eventType ||
    envelope.documentId !== entry.documentId ||
    envelope.sequence !== entry.sequence
  ) {
    return broken(entry, 'ENVELOPE_MISMATCH', 'the entry columns do not match the hashed envelope');
  }
  if (chainHash(entry.prevHash, entry.canonical) !== entry.hash) {
    return broken(entry, 'ENTRY_HASH_MISMATCH', 'hash is not sha256(prevHash ‖ canonical text)');
  }
  if (chainHash(entry.documentPrevHash, entry.canonical) !== entry.documentHash) {
    return broken(entry, 'DOCUMENT_HASH_MISMATCH', 'documentHash is not sha256(documentPrevHash ‖ canonical text)');
  }
  return null;
}

/** The ledger head as stored: the last position and hash the writer committed. */
export interface LedgerHeadView {
  position: number;
  hash: string;
  eventId: string | null;
}

/** A verified point of the global chain: every entry up to `position` was found intact, the last one hashing to `hash`. */
export interface ChainCheckpoint {
  position: number;
  hash: string;
}

export const CHAIN_START: ChainCheckpoint = { position: 0, hash: GENESIS_HASH };

/**
 * An entry as the streaming walk reads it: with the stored documentHash of the same document's
 * previous entry (null for the document's first), looked up by the reader, so the walk keeps no
 * per-document state and its memory does not grow with the ledger.
 */
export interface StreamedEntry extends StoredEntry {
  documentPredecessorHash: string | null;
}

/**
 * Walks the global chain in position order from a checkpoint (the genesis for a full walk): every
 * entry checks itself, positions follow without a gap, each prevHash is the previous entry's hash,
 * each documentPrevHash the stored documentHash of the document's previous entry, and the head
 * names the last entry. It holds only the last position and hash, so it may be fed in chunks read
 * in separate transactions (the ledger is append-only) and resumed from a checkpoint.
 */
export class GlobalChainVerifier {
  private expectedPosition: number;
  private previousHash: string;
  private checkedCount = 0;

  constructor(from: ChainCheckpoint = CHAIN_START) {
    this.expectedPosition = from.position + 1;
    this.previousHash = from.hash;
  }

  /** Entries this walk found intact. */
  get checked(): number {
    return this.checkedCount;
  }

  /** The last intact point reached so far. */
  get through(): ChainCheckpoint {
    return { position: this.expectedPosition - 1, hash: this.previousHash };
  }

  accept(entry: StreamedEntry): ChainBreak | null {
    if (entry.position !== this.expectedPosition) {
      return broken(entry, 'POSITION_GAP', `expected position ${this.expectedPosition}: entries are missing before it`);
    }
    const own = checkEntry(entry);
    if (own) return own;
    if (entry.prevHash !== this.previousHash) {
      return broken(entry, 'CHAIN_LINK_BROKEN', 'prevHash is not the hash of the previous entry');
    }
    if (entry.documentPrevHash !== (entry.documentPredecessorHash ?? GENESIS_HASH)) {
      return broken(entry, 'DOCUMENT_LINK_BROKEN', "documentPrevHash is not the hash of the document's previous entry");
    }
    this.previousHash = entry.hash;
    this.expectedPosition += 1;
    this.checkedCount += 1;
    return null;
  }

  /**
   * After the last entry up to the head read before the walk: the head must name exactly it
   * (entries cut off the end show here), and no entry may lie beyond the head as read afterwards
   * (`storedBeyond`: the highest stored position and the head in one snapshot; a rewound head).
   */
  finish(head: LedgerHeadView, storedBeyond?: { maxPosition: number; head: LedgerHeadView }): ChainBreak | null {
    const last = this.expectedPosition - 1;
    if (head.position > last) {
      return {
        position: last + 1,
        eventId: head.eventId ?? '',
        code: 'HEAD_MISMATCH',
        reason: `the ledger head records ${head.position} entries but only ${last} are stored: the tail was removed`,
      };
    }
    if (head.position !== last || head.hash !== this.previousHash) {
      return {
        position: head.position,
        eventId: head.eventId ?? '',
        code: 'HEAD_MISMATCH',
        reason: `the ledger head (position ${head.position}) does not name the last entry (position ${last})`,
      };
    }
    if (storedBeyond && storedBeyond.maxPosition > storedBeyond.head.position) {
      return {
        position: storedBeyond.head.position,
        eventId: storedBeyond.head.eventId ?? '',
        code: 'HEAD_MISMATCH',
        reason: `entries are stored up to position ${storedBeyond.maxPosition}, beyond the ledger head (position ${storedBeyond.head.position})`,
      };
    }
    return null;
  }
}

/** What the ledger keeps per document: how many entries it appended and the last documentHash. */
export interface DocumentHeadView {
  entryCount: number;
  lastHash: string;
  lastPosition: number;
  lastEventId: string | null;
}

/**
 * Walks one document's chain: each entry checks itself and links to the document's previous entry;
 * the global hash is checked on the entry itself and, where the global predecessor is known, its link.
 */
export class DocumentChainVerifier {
  private previousHash = GENESIS_HASH;
  private checkedCount = 0;

  get checked(): number {
    return this.checkedCount;
  }

  /** `predecessorHash`: the hash of the global entry at position - 1 (GENESIS for position 1), undefined if missing. */
  accept(entry: StoredEntry, predecessorHash: string | undefined): ChainBreak | null {
    const own = checkEntry(entry);
    if (own) return own;
    if (entry.documentPrevHash !== this.previousHash) {
      return broken(entry, 'DOCUMENT_LINK_BROKEN', "documentPrevHash is not the hash of the document's previous entry");
    }
    if (predecessorHash === undefined) {
      return broken(entry, 'POSITION_GAP', `the entry before position ${entry.position} is missing`);
    }
    if (entry.prevHash !== predecessorHash) {
      return broken(entry, 'CHAIN_LINK_BROKEN', 'prevHash is not the hash of the previous entry');
    }
    this.previousHash = entry.documentHash;
    this.checkedCount += 1;
    return null;
  }

  /** The document's head must name its last entry (entries of the document cut off the end show here). */
  finish(head: DocumentHeadView | null, lastEntry: Pick<StoredEntry, 'position' | 'eventId'> | null): ChainBreak | null {
    if (head === null) {
      return lastEntry
        ? broken(lastEntry, 'HEAD_MISMATCH', 'entries exist for a document the ledger has no head for')
        : null;
    }
    if (head.entryCount === this.checkedCount && head.lastHash === this.previousHash) return null;
    return {
      position: head.lastPosition,
      eventId: head.lastEventId ?? '',
      code: 'HEAD_MISMATCH',
      reason: `the document head records ${head.entryCount} entries ending at position ${head.lastPosition}; ${this.checkedCount} are stored`,
    };
  }
}

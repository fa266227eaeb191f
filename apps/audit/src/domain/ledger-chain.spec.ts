import { canonicalJson, sha256Hex } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import { DocumentChainVerifier, GENESIS_HASH, GlobalChainVerifier, chainHash } from './ledger-chain.js';
import type { StoredEntry, StreamedEntry } from './ledger-chain.js';

/** Builds a valid chain the way the writer does, written out independently of the verifier. */
function buildChain(documents: readonly string[]): StoredEntry[] {
  const documentHeads = new Map<string, string>();
  let prevHash = GENESIS_HASH;
  return documents.map((documentId, index) => {
    const sequence = [...documents.slice(0, index)].filter((id) => id === documentId).length + 1;
    const envelope = { id: `e${index + 1}`, type: 'document.revised', documentId, sequence, payload: { note: '修订' } };
    const canonical = canonicalJson(envelope);
    const documentPrevHash = documentHeads.get(documentId) ?? GENESIS_HASH;
    const entry: StoredEntry = {
      position: index + 1,
      eventId: envelope.id,
      eventType: envelope.type,
      documentId,
      sequence,
      envelope,
      canonical,
      documentPrevHash,
      documentHash: sha256Hex(documentPrevHash + canonical),
      prevHash,
      hash: sha256Hex(prevHash + canonical),
    };
    documentHeads.set(documentId, entry.documentHash);
    prevHash = entry.hash;
    return entry;
  });
}

/** What the reader adds to each stored row: the stored documentHash of the same document's previous row. */
function streamed(entries: readonly StoredEntry[]): StreamedEntry[] {
  return entries.map((entry, index) => ({
    ...entry,
    documentPredecessorHash: entries.slice(0, index).findLast((earlier) => earlier.documentId === entry.documentId)?.documentHash ?? null,
  }));
}

function verifyGlobal(entries: readonly StoredEntry[], head = { position: entries.length, hash: entries.at(-1)?.hash ?? GENESIS_HASH, eventId: entries.at(-1)?.eventId ?? null }) {
  const verifier = new GlobalChainVerifier();
  for (const entry of streamed(entries)) {
    const broken = verifier.accept(entry);
    if (broken) return broken;
  }
  return verifier.finish(head);
}

describe('ledger chain', () => {
  it('hashes the hex previous hash immediately followed by the canonical text', () => {
    expect(chainHash(GENESIS_HASH, '{"a":1}')).toBe(sha256Hex(`${'0'.repeat(64)}{"a":1}`));
  });

  it('accepts an intact chain, including an empty one', () => {
    expect(verifyGlobal(buildChain(['d1', 'd2', 'd1', 'd1', 'd2']))).toBeNull();
    expect(verifyGlobal([])).toBeNull();
  });

  it('names an entry whose text and envelope were rewritten consistently', () => {
    const chain = buildChain(['d1', 'd2', 'd1']);
    const envelope = { ...(chain[1].envelope as object), payload: { note: '篡改' } };
    chain[1] = { ...chain[1], envelope, canonical: canonicalJson(envelope) };
    expect(verifyGlobal(chain)).toMatchObject({ position: 2, eventId: 'e2', code: 'ENTRY_HASH_MISMATCH' });
  });

  it('names the next entry when the forger also recomputed the rewritten entry’s hashes', () => {
    const chain = buildChain(['d1', 'd2', 'd1']);
    const envelope = { ...(chain[0].envelope as object), payload: { note: '篡改' } };
    const canonical = canonicalJson(envelope);
    chain[0] = { ...chain[0], envelope, canonical, hash: chainHash(GENESIS_HASH, canonical), documentHash: chainHash(GENESIS_HASH, canonical) };
    expect(verifyGlobal(chain)).toMatchObject({ position: 2, code: 'CHAIN_LINK_BROKEN' });
  });

  it('names an entry whose stored envelope no longer matches the hashed text', () => {
    const chain = buildChain(['d1', 'd1']);
    chain[1] = { ...chain[1], envelope: { ...(chain[1].envelope as object), sequence: 9 } };
    expect(verifyGlobal(chain)).toMatchObject({ position: 2, code: 'ENVELOPE_MISMATCH' });
  });

  it('names the entry after a deleted one, and a head that points past a cut-off tail', () => {
    const chain = buildChain(['d1', 'd2', 'd1', 'd2']);
    expect(verifyGlobal([chain[0], chain[2], chain[3]])).toMatchObject({ position: 3, code: 'POSITION_GAP' });
    expect(verifyGlobal(chain.slice(0, 3), { position: 4, hash: chain[3].hash, eventId: 'e4' })).toMatchObject({
      position: 4,
      eventId: 'e4',
      code: 'HEAD_MISMATCH',
    });
  });

  it('names an entry whose document link was rewritten', () => {
    const chain = buildChain(['d1', 'd2', 'd1']);
    const documentPrevHash = chain[1].documentHash;
    chain[2] = { ...chain[2], documentPrevHash, documentHash: chainHash(documentPrevHash, chain[2].canonical) };
    expect(verifyGlobal(chain)).toMatchObject({ position: 3, code: 'DOCUMENT_LINK_BROKEN' });
  });

  it('verifies in chunks resumed from a checkpoint as the whole walk does', () => {
    const chain = streamed(buildChain(['d1', 'd2', 'd1', 'd3', 'd2', 'd1']));
    const first = new GlobalChainVerifier();
    for (const entry of chain.slice(0, 4)) expect(first.accept(entry)).toBeNull();
    expect(first.through).toEqual({ position: 4, hash: chain[3].hash });

    const resumed = new GlobalChainVerifier(first.through);
    for (const entry of chain.slice(4)) expect(resumed.accept(entry)).toBeNull();
    expect(resumed.checked).toBe(2);
    expect(resumed.finish({ position: 6, hash: chain[5].hash, eventId: 'e6' })).toBeNull();
    // A checkpoint that does not match the stored chain breaks at the next entry.
    expect(new GlobalChainVerifier({ position: 4, hash: chain[2].hash }).accept(chain[4])).toMatchObject({ position: 5, code: 'CHAIN_LINK_BROKEN' });
    // Nothing new since the checkpoint: the head must still name it.
    expect(new GlobalChainVerifier(first.through).finish({ position: 4, hash: chain[3].hash, eventId: 'e4' })).toBeNull();
    expect(new GlobalChainVerifier(first.through).finish({ position: 4, hash: chain[2].hash, eventId: 'e4' })).toMatchObject({ code: 'HEAD_MISMATCH' });
  });

  it('names a head rewound behind stored entries', () => {
    const chain = buildChain(['d1', 'd2']);
    const head = { position: 2, hash: chain[1].hash, eventId: 'e2' };
    expect(verifyGlobal(chain, head)).toBeNull();
    const verifier = new GlobalChainVerifier();
    for (const entry of streamed(chain.slice(0, 1))) verifier.accept(entry);
    const rewound = { position: 1, hash: chain[0].hash, eventId: 'e1' };
    expect(verifier.finish(rewound, { maxPosition: 2, head: rewound })).toMatchObject({ position: 1, code: 'HEAD_MISMATCH' });
    expect(verifier.finish(rewound, { maxPosition: 1, head: rewound })).toBeNull();
  });

  it('checks one document’s chain against its head and its global predecessors', () => {
    const chain = buildChain(['d1', 'd2', 'd1']);
    const hashes = new Map(chain.map((entry) => [entry.position, entry.hash]));
    hashes.set(0, GENESIS_HASH);
    const d1 = chain.filter((entry) => entry.documentId === 'd1');
    const head = { entryCount: 2, lastHash: d1[1].documentHash, lastPosition: 3, lastEventId: 'e3' };

    const intact = new DocumentChainVerifier();
    for (const entry of d1) expect(intact.accept(entry, hashes.get(entry.position - 1))).toBeNull();
    expect(intact.finish(head, d1[1])).toBeNull();

    const cut = new DocumentChainVerifier();
    expect(cut.accept(d1[0], GENESIS_HASH)).toBeNull();
    expect(cut.finish(head, d1[0])).toMatchObject({ position: 3, eventId: 'e3', code: 'HEAD_MISMATCH' });

    const relinked = new DocumentChainVerifier();
    expect(relinked.accept(d1[1], hashes.get(2))).toMatchObject({ position: 3, code: 'DOCUMENT_LINK_BROKEN' });
  });
});

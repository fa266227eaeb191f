import { canonicalJson, sha256Hex } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import { DocumentChainVerifier, GENESIS_HASH, GlobalChainVerifier, chainHash } from './ledger-chain.js';
import type { StoredEntry } from './ledger-chain.js';

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

function verifyGlobal(entries: readonly StoredEntry[], head = { position: entries.length, hash: entries.at(-1)?.hash ?? GENESIS_HASH, eventId: entries.at(-1)?.eventId ?? null }) {
  const verifier = new GlobalChainVerifier();
  for (const entry of entries) {
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

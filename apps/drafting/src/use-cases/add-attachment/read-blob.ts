import { DomainError } from '@sanshen/kernel';
import type { BlobStore } from '@sanshen/platform/core';

/** The store's bytes, or null; a store that cannot be reached is an outage (503), not a missing file. */
export async function readBlob(store: BlobStore, sha256: string): Promise<Uint8Array | null> {
  try {
    return await store.get(sha256);
  } catch {
    throw new DomainError('ATTACHMENT.STORAGE_UNAVAILABLE', { store: store.name });
  }
}

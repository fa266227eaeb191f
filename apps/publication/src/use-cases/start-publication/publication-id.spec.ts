import { describe, expect, it } from 'vitest';
import { publicationIdFor } from './publication-id.js';

describe('publicationIdFor', () => {
  it('names the same publication for the same event, and another for another event', () => {
    const a = publicationIdFor('0b8f7a52-3c1d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(publicationIdFor('0B8F7A52-3C1D-4E5F-8A9B-0C1D2E3F4A5B')).toBe(a);
    expect(publicationIdFor('0b8f7a52-3c1d-4e5f-8a9b-0c1d2e3f4a5c')).not.toBe(a);
  });

  it('is a version-5 RFC 9562 UUID', () => {
    expect(publicationIdFor('0b8f7a52-3c1d-4e5f-8a9b-0c1d2e3f4a5b')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

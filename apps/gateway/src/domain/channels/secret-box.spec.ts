import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box.js';

describe('sealed channel secrets', () => {
  const key = randomBytes(32);

  it('round-trips, and never stores the plain text', () => {
    const sealed = sealSecret('SECabc123', key);
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain('SECabc123');
    expect(sealSecret('SECabc123', key)).not.toBe(sealed);
    expect(openSecret(sealed, key)).toBe('SECabc123');
  });

  it('stores and reads plain values without a key; cannot open with another key, none, or after tampering', () => {
    expect(sealSecret('plain', null)).toBe('plain');
    expect(openSecret('plain', key)).toBe('plain');
    const sealed = sealSecret('SECabc123', key);
    expect(openSecret(sealed, randomBytes(32))).toBeNull();
    expect(openSecret(sealed, null)).toBeNull();
    expect(openSecret(`${sealed.slice(0, -2)}AA`, key)).toBeNull();
    expect(openSecret('enc:v1:garbage', key)).toBeNull();
  });
});

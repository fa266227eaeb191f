import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';

/**
 * Seals a stored channel secret (a robot's webhook URL carries its key, 钉钉's 加签 secret) with
 * AES-256-GCM under CHANNEL_SECRETS_KEY: `enc:v1:<iv>.<tag>.<ciphertext>` (base64url). Without a key
 * the value is stored as it is.
 */
export function sealSecret(plain: string, key: Buffer | null): string {
  if (key === null) return plain;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${sealed.toString('base64url')}`;
}

/** The plain value of a stored secret; a value stored unsealed reads as it is; null when it cannot be opened (no key, another key, tampered). */
export function openSecret(stored: string, key: Buffer | null): string | null {
  if (!stored.startsWith(PREFIX)) return stored;
  const [iv, tag, sealed] = stored.slice(PREFIX.length).split('.');
  if (key === null || iv === undefined || tag === undefined || sealed === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

import { describe, expect, it } from 'vitest';
import { loadPublicationConfig } from './publication.config.js';

const SECRET = 'x'.repeat(32);

describe('loadPublicationConfig', () => {
  it('applies the defaults: the bundled portal, 8 attempts from 30 s', () => {
    expect(loadPublicationConfig({ PORTAL_PUSH_SECRET: SECRET })).toEqual({
      portalPushSecret: SECRET,
      portalUrl: 'http://127.0.0.1:3100',
      portalTarget: 'sanshen-portal',
      publishAttempts: 8,
      publishBackoffMs: 30_000,
    });
  });

  it('fails fast on a missing or short secret, naming the variable', () => {
    expect(() => loadPublicationConfig({})).toThrow(/PORTAL_PUSH_SECRET/);
    expect(() => loadPublicationConfig({ PORTAL_PUSH_SECRET: 'short' })).toThrow(/PORTAL_PUSH_SECRET/);
  });

  it('refuses an unknown portal target and a bad number', () => {
    expect(() => loadPublicationConfig({ PORTAL_PUSH_SECRET: SECRET, PORTAL_TARGET: 'wordpress' })).toThrow(/PORTAL_TARGET/);
    expect(() => loadPublicationConfig({ PORTAL_PUSH_SECRET: SECRET, PUBLISH_ATTEMPTS: '0' })).toThrow(/PUBLISH_ATTEMPTS/);
  });

  it('drops a trailing slash of the portal URL', () => {
    expect(loadPublicationConfig({ PORTAL_PUSH_SECRET: SECRET, PORTAL_URL: 'https://portal.test/' }).portalUrl).toBe('https://portal.test');
  });
});

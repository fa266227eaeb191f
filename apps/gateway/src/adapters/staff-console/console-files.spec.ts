import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadConsoleBundle } from './console-files.js';

describe('the built staff console, read at boot', () => {
  it('is absent until built', () => {
    expect(loadConsoleBundle(mkdtempSync(join(tmpdir(), 'console-')))).toBeNull();
  });

  it('holds index.html and every asset by URL path, with a smaller gzip form of text files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-abc.js"></script>');
    const script = 'console.log("三审");\n'.repeat(200);
    writeFileSync(join(dir, 'assets', 'index-abc.js'), script);
    writeFileSync(join(dir, 'assets', 'logo-abc.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const bundle = loadConsoleBundle(dir)!;
    expect([...bundle.files.keys()].sort()).toEqual(['/assets/index-abc.js', '/assets/logo-abc.png', '/index.html']);
    const js = bundle.files.get('/assets/index-abc.js')!;
    expect(js.type).toBe('text/javascript; charset=utf-8');
    expect(gunzipSync(js.gzip!).toString()).toBe(script);
    expect(bundle.files.get('/assets/logo-abc.png')!.gzip).toBeNull();
    expect(bundle.index.type).toBe('text/html; charset=utf-8');
  });
});

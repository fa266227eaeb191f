import { describe, expect, it } from 'vitest';
import { within } from './within.js';

describe('within', () => {
  it('passes an answer that comes in time through', async () => {
    await expect(within(1000, Promise.resolve('pong'))).resolves.toBe('pong');
  });

  it('rejects when the answer does not come in time (a client holding a command while it reconnects)', async () => {
    await expect(within(20, new Promise(() => undefined))).rejects.toThrow('no answer within 20 ms');
  });

  it('passes a failure through', async () => {
    await expect(within(1000, Promise.reject(new Error('refused')))).rejects.toThrow('refused');
  });
});

import { describe, expect, it } from 'vitest';
import { handOverTargets } from './hand-over.js';

describe('handOverTargets', () => {
  it.each([
    ['submitted', 'drafting', ['review']],
    ['approved_l1', 'review', ['drafting']],
    ['approved_l3', 'review', ['drafting', 'secrecy']],
    ['returned', 'review', ['drafting']],
    ['withdrawn', 'review', ['drafting']],
    ['secrecy_cleared', 'secrecy', ['drafting', 'publication']],
    ['secrecy_returned', 'secrecy', ['drafting']],
    ['correction_started', 'publication', ['drafting']],
    ['revised', 'drafting', []],
  ] as const)('waits for the next owner and the read model after %s from %s', (event, emitter, expected) => {
    expect(handOverTargets(event, emitter)).toEqual(expected);
  });
});

import { bench, describe } from 'vitest';
import { compileDictionary, compilePatterns, scanText } from '@sanshen/content-checks';
import type { WordingEntry } from '@sanshen/content-checks';
// The seeded PRNG of the annual-report layouts: every run benchmarks the same dictionary and text.
import { random as prng } from '../libs/annual-report/src/testing/report-layouts.js';

const TEXT_LENGTH = 100_000;
const ENTRY_COUNT = 10_000;
const random = prng(20240611);
/** A 3,000-character alphabet of common Han characters: realistic sharing of prefixes. */
const hanChar = () => String.fromCharCode(0x4e00 + Math.floor(random() * 3000));
const word = (min: number, max: number) => {
  const length = min + Math.floor(random() * (max - min + 1));
  let out = '';
  for (let i = 0; i < length; i++) out += hanChar();
  return out;
};

const entries: WordingEntry[] = [];
const seen = new Set<string>();
while (entries.length < ENTRY_COUNT) {
  const wrong = word(2, 8);
  if (seen.has(wrong)) continue;
  seen.add(wrong);
  entries.push({ wrong, right: `${wrong}正`, category: 'typo' });
}

/** 100,000 characters of random Han text with punctuation, line breaks and ~500 planted entries. */
const parts: string[] = [];
let length = 0;
while (length < TEXT_LENGTH) {
  const piece =
    random() < 0.03 ? entries[Math.floor(random() * ENTRY_COUNT)].wrong : random() < 0.1 ? (random() < 0.5 ? '，' : '。\n') : hanChar();
  parts.push(piece);
  length += piece.length;
}
const text = parts.join('').slice(0, TEXT_LENGTH);

const matcher = compilePatterns(entries.map((e) => e.wrong));
const { dictionary } = compileDictionary(entries);

/** The baseline: one indexOf pass over the text per entry. */
function naiveScan(): number {
  let count = 0;
  for (const entry of entries) {
    for (let at = text.indexOf(entry.wrong); at !== -1; at = text.indexOf(entry.wrong, at + 1)) count++;
  }
  return count;
}

if (matcher.findAll(text).length !== naiveScan()) throw new Error('matcher and naive scan disagree');

describe('wording dictionary: 100,000 characters × 10,000 entries', () => {
  bench('Aho–Corasick matcher (compiled once)', () => {
    matcher.findAll(text);
  });

  bench('naive scan (indexOf per entry)', () => {
    naiveScan();
  }, { time: 2_000, iterations: 5 });

  bench('scanText: all detectors + dictionary', () => {
    scanText(text, { dictionary, documentDate: '2024-06-11' });
  });
});

describe('dictionary compilation: 10,000 entries', () => {
  bench('compileDictionary', () => {
    compileDictionary(entries);
  }, { time: 2_000, iterations: 5 });
});

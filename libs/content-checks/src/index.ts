export { scanText } from './scan-text.js';
export type { ScanError, ScanErrorCode, ScanOptions } from './scan-text.js';
export { scanSections } from './scan-sections.js';
export type { TextSection } from './scan-sections.js';
export { attachmentSectionKey, documentSections, richTextToPlain } from './document/document-sections.js';
export type { AttachmentTexts } from './document/document-sections.js';
export { FINDING_TYPES } from './finding.js';
export type { Finding, FindingType, SectionFinding, Severity } from './finding.js';
export { compileDictionary } from './dictionary/compile-dictionary.js';
export type {
  CompiledDictionary,
  DictionaryCompilation,
  RejectedEntry,
  RejectedEntryReason,
} from './dictionary/compile-dictionary.js';
export { CATEGORY_LABEL } from './dictionary/wording-entry.js';
export type { WordingCategory, WordingEntry } from './dictionary/wording-entry.js';
export { STARTER_DICTIONARY, STARTER_EXCEPTIONS } from './dictionary/starter-dictionary.js';
export { compileLeaders } from './leaders/leader-tenure.js';
export type { CompiledLeaders, LeaderTenure, RejectedTenure, RejectedTenureReason } from './leaders/leader-tenure.js';
export { compilePatterns } from './matcher/aho-corasick.js';
export type { PatternMatch, PatternMatcher } from './matcher/aho-corasick.js';

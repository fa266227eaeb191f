import type { ContentFindingView, ExplainedFinding } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';

const MAX_FINDING_EXPLANATION = 1_000;

/**
 * The quality gate at submission: every blocking content-check finding (a classification mark,
 * personal data, a blocking dictionary entry) needs the drafter's explanation, or the submit is
 * refused with the findings still unexplained. Returns the explained findings, kept with the version.
 */
export function explainBlockingFindings(findings: ContentFindingView[], explanations: Record<string, string> | undefined): ExplainedFinding[] {
  const blocking = findings.filter((finding) => finding.severity === 'blocking');
  const explained: ExplainedFinding[] = [];
  const missing: ContentFindingView[] = [];
  for (const finding of blocking) {
    const key = finding.key ?? '';
    const text = (explanations?.[key] ?? '').trim();
    if (text === '') {
      missing.push(finding);
      continue;
    }
    if (text.length > MAX_FINDING_EXPLANATION) {
      throw new DomainError('REQUEST.INVALID', { field: `findingExplanations.${key}` }, `每条说明不能超过${MAX_FINDING_EXPLANATION}字`);
    }
    explained.push({ key, section: finding.section, type: finding.type, matched: finding.matched, message: finding.message, explanation: text });
  }
  if (missing.length > 0) {
    throw new DomainError('DOCUMENT.FINDINGS_UNEXPLAINED', {
      findings: missing.map((finding) => ({ key: finding.key, section: finding.section, type: finding.type, matched: finding.matched, message: finding.message })),
    });
  }
  return explained;
}

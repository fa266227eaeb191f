/** The key of a content-check finding within its version. */
export function contentFindingKey(finding: { section: string; type: string; start: number }): string {
  return `${finding.section}:${finding.type}:${finding.start}`;
}

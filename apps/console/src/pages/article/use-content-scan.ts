import { documentSections, scanSections, scanText } from '@sanshen/content-checks';
import type { Finding, SectionFinding } from '@sanshen/content-checks';
import { contentFindingKey } from '@sanshen/kernel';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo } from 'react';
import { documents } from '../../api/documents';
import { useDocument } from '../document/use-document';
import { learnedWording, liveDictionary } from './findings/live-dictionary';

export interface LiveFinding extends SectionFinding {
  /** The key the server gives the same finding (`section:type:start`): explanations are keyed by it. */
  key: string;
}

export interface ContentScan {
  /** The text of each scanned section (`title`, `body`), as the server reads it. */
  texts: Record<string, string>;
  findings: LiveFinding[];
  /** The same checks over the editor's body text, for the highlights. */
  scanBody: (text: string) => Finding[];
}

/**
 * The content checks (the same library as drafting's pre-check and the secrecy scan) over the title
 * and body while they are written, with the starter dictionary plus the wording the server found at
 * its last check of the saved version (see live-dictionary.ts).
 */
export function useContentScan(documentId: string, title: string, body: string): ContentScan {
  const version = useDocument(documentId).data?.version;
  const server = useQuery({ queryKey: ['documents', 'check', documentId, version], queryFn: () => documents.check(documentId), enabled: version !== undefined, staleTime: Infinity, retry: false });
  const learned = useMemo(() => learnedWording(server.data?.findings ?? []), [server.data]);
  const dictionary = useMemo(() => liveDictionary(learned), [learned]);
  const deferred = useDeferredValue(`${title}\u0000${body}`);
  const scan = useMemo(() => {
    const [deferredTitle = '', deferredBody = ''] = deferred.split('\u0000');
    const sections = documentSections('article', { title: deferredTitle, body: deferredBody });
    const result = scanSections(sections, { dictionary });
    const findings = result.ok ? result.value.map((finding) => ({ ...finding, key: contentFindingKey(finding) })) : [];
    return { texts: Object.fromEntries(sections.map((section) => [section.key, section.text])), findings };
  }, [deferred, dictionary]);
  const scanBody = useCallback((text: string) => {
    const result = scanText(text, { dictionary });
    return result.ok ? result.value : [];
  }, [dictionary]);
  return { ...scan, scanBody };
}

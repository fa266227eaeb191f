import { richTextToPlain, scanText } from '@sanshen/content-checks';
import type { Finding } from '@sanshen/content-checks';
import { useDeferredValue, useMemo } from 'react';

/** The content checks (the same library as the secrecy service) over the body while it is written. */
export function useContentScan(html: string): { text: string; findings: Finding[] } {
  const deferred = useDeferredValue(html);
  return useMemo(() => {
    const text = richTextToPlain(deferred);
    const scan = scanText(text);
    return { text, findings: scan.ok ? scan.value : [] };
  }, [deferred]);
}

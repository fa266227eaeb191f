import { useMutation, useQueryClient } from '@tanstack/react-query';
import { documents } from '../../api/documents';
import type { DocumentView } from '../../api/types';
import { documentKey } from '../document/use-document';

/** Saves a new version (PATCH with the version the editor started from) and keeps the cache current. */
export function useSave(doc: DocumentView, changes: () => object | null) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: async (): Promise<DocumentView> => {
      const current = queryClient.getQueryData<DocumentView>(documentKey(doc.id)) ?? doc;
      const content = changes();
      if (content === null) return current;
      const saved = await documents.revise(doc.id, current.version, content);
      queryClient.setQueryData(documentKey(doc.id), saved);
      return saved;
    },
  });
  return save;
}

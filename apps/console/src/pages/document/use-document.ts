import { useQuery } from '@tanstack/react-query';
import { documents } from '../../api/documents';

export const documentKey = (id: string) => ['documents', 'one', id] as const;

/** States another service moves on by itself (secrecy's decision, the portal's receipt): look again. */
const MOVING = new Set(['pending_secrecy', 'approved', 'publishing']);

export function useDocument(id: string) {
  return useQuery({
    queryKey: documentKey(id),
    queryFn: () => documents.get(id),
    refetchInterval: (query) => (MOVING.has(query.state.data?.status ?? '') ? 4000 : false),
  });
}

import { useQuery } from '@tanstack/react-query';
import { documents } from '../../api/documents';

export const documentKey = (id: string) => ['documents', 'one', id] as const;

export function useDocument(id: string) {
  return useQuery({ queryKey: documentKey(id), queryFn: () => documents.get(id) });
}

import { useQuery } from '@tanstack/react-query';
import { catalogue } from '../../api/catalogue';
import { useMe } from '../../session/use-me';

/** The agency's columns and 公开目录 settings (the editor's pickers, the admin page). */
export function useCatalogue() {
  const me = useMe();
  const agencyId = me.data?.agencyId;
  const columns = useQuery({ queryKey: ['catalogue', agencyId, 'columns'], queryFn: () => catalogue.columns(agencyId!), enabled: agencyId !== undefined });
  const settings = useQuery({ queryKey: ['catalogue', agencyId, 'settings'], queryFn: () => catalogue.settings(agencyId!), enabled: agencyId !== undefined });
  return { agencyId, columns, settings };
}

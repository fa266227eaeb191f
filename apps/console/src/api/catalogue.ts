import type { CatalogueSettingsView, ColumnListView, ColumnView } from '../../../../libs/contracts/src/drafting-rpc';
import { api } from './http';

export type { CatalogueSettingsView, ColumnListView, ColumnView };

const base = (agencyId: string) => `/api/v1/agencies/${encodeURIComponent(agencyId)}`;

/** Managed columns (栏目) and the 政府信息公开目录 settings of the signed-in person's agency. */
export const catalogue = {
  columns: (agencyId: string) => api.get<ColumnListView>(`${base(agencyId)}/columns`),
  createColumn: (agencyId: string, body: { code: string; name: string }) => api.post<ColumnView>(`${base(agencyId)}/columns`, body),
  updateColumn: (agencyId: string, code: string, body: { name?: string; retired?: boolean }) => api.patch<ColumnView>(`${base(agencyId)}/columns/${encodeURIComponent(code)}`, body),
  reorder: (agencyId: string, codes: string[]) => api.put<ColumnListView>(`${base(agencyId)}/columns/order`, { codes }),
  settings: (agencyId: string) => api.get<CatalogueSettingsView>(`${base(agencyId)}/catalogue-settings`),
  saveSettings: (agencyId: string, body: { agencyCode: string; indexPattern: string; topics: string[] }) => api.put<CatalogueSettingsView>(`${base(agencyId)}/catalogue-settings`, body),
};

import { api } from './http';
import type { CheckReply, DiffReply, DocumentListItem, DocumentView, Page } from './types';

const base = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}`;

export const documents = {
  list: (query: Record<string, string>) => api.get<Page<DocumentListItem>>(`/api/v1/documents?${new URLSearchParams(query).toString()}`),
  get: (id: string) => api.get<DocumentView>(base(id)),
  version: (id: string, version: number) => api.get<DocumentView>(`${base(id)}/versions/${version}`),
  create: (body: object) => api.post<DocumentView>('/api/v1/documents', body),
  import: (form: FormData) => api.post<DocumentView & { unplaced: { line: number; text: string; reason: string }[] }>('/api/v1/documents/import', form),
  revise: (id: string, version: number, content: object) => api.patch<DocumentView>(base(id), { version, content }),
  check: (id: string) => api.post<CheckReply>(`${base(id)}/check`, {}),
  submit: (id: string, body: object) => api.post<DocumentView>(`${base(id)}/submit`, body),
  withdraw: (id: string, version: number) => api.post<DocumentView>(`${base(id)}/withdraw`, { version }),
  discard: (id: string, version: number, reason: string) => api.post<void>(`${base(id)}/discard`, { version, reason }),
  diff: (id: string) => api.get<DiffReply>(`${base(id)}/diff`),
  addAttachment: (id: string, version: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.post<DocumentView>(`${base(id)}/attachments?version=${version}`, form);
  },
  removeAttachment: (id: string, version: number, sha256: string) => api.delete<DocumentView>(`${base(id)}/attachments/${sha256}`, { version }),
  attachmentUrl: (id: string, version: number, sha256: string) => `${base(id)}/attachments/${sha256}?version=${version}`,
  previewUrl: (id: string) => `${base(id)}/preview`,
  approvalSheetUrl: (id: string) => `${base(id)}/approval-sheet`,
  renderingUrl: (id: string) => `${base(id)}/rendering`,
};

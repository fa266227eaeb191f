import { api } from './http';
import type { DelegateCandidate, DelegationView, Me, NamedDelegation, Notice, SignInReply, TaskCounts, TasksView } from './types';

export const auth = {
  signIn: (username: string, password: string) => api.post<SignInReply>('/api/v1/auth/login', { username, password, cookie: true }),
  signOut: () => api.post<void>('/api/v1/auth/logout', {}),
  me: () => api.get<Me>('/api/v1/me'),
  changePassword: (oldPassword: string, newPassword: string) => api.post<void>('/api/v1/me/password', { oldPassword, newPassword }),
};

export const work = {
  tasks: () => api.get<TasksView>('/api/v1/tasks'),
  counts: () => api.get<TaskCounts>('/api/v1/tasks/counts'),
  notices: () => api.get<{ items: Notice[]; unread: number }>('/api/v1/notices?limit=20'),
  unreadCount: () => api.get<{ count: number }>('/api/v1/notices/unread-count'),
  readNotices: (body: { ids: string[] } | { all: true }) => api.post<{ unread: number }>('/api/v1/notices/read', body),
  delegations: () => api.get<{ given: NamedDelegation[]; received: NamedDelegation[] }>('/api/v1/delegations'),
  delegate: (body: { toUserId: string; from: string; until: string }) => api.post<DelegationView>('/api/v1/delegations', body),
  delegates: (q: string) => api.get<{ items: DelegateCandidate[] }>(`/api/v1/delegations/delegates?${new URLSearchParams(q ? { q } : {}).toString()}`),
  revokeDelegation: (id: string) => api.delete<void>(`/api/v1/delegations/${encodeURIComponent(id)}`),
};

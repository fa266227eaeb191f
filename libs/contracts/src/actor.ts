import type { Role } from './roles.js';

/**
 * Who performs a command. The gateway builds it from the verified access token and sends it with every
 * request; services check it themselves (role, agency, department) and copy it into the events they emit.
 */
export interface Actor {
  userId: string;
  agencyId: string;
  /** The agency's display name (机关名称), for pages and approval sheets. */
  agencyName: string;
  /** The user's own department (科室), if any. */
  departmentId: string | null;
  roles: Role[];
  /** Departments a deputy (分管领导) oversees. */
  oversees: string[];
  /** Display name, for approval sheets and notifications. */
  displayName: string;
}

/** The actor recorded on events emitted by the system itself (scheduled publication, portal receipts). */
export function systemActor(agencyId: string): Actor {
  return { userId: 'system', agencyId, agencyName: '', departmentId: null, roles: [], oversees: [], displayName: '系统' };
}

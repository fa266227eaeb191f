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
  /**
   * The review duties delegated to this user that have not ended (代签), resolved by the gateway per
   * request. Services use them for document visibility; review decides signing from its own records.
   */
  delegatedDuties?: DelegatedDuty[];
}

/** A reviewer's duty delegated to the actor for a period: the delegator's review roles and scope. */
export interface DelegatedDuty {
  delegationId: string;
  fromUserId: string;
  fromName: string;
  roles: Role[];
  departmentId: string | null;
  oversees: string[];
  /** ISO 8601 instants; the duty holds for from ≤ t < until. */
  from: string;
  until: string;
}

/** The actor recorded on events emitted by the system itself (scheduled publication, portal receipts). */
export function systemActor(agencyId: string): Actor {
  return { userId: 'system', agencyId, agencyName: '', departmentId: null, roles: [], oversees: [], displayName: '系统' };
}

/** How a signature or decision names its maker: "X 代 Y" when X acted for Y under a delegation. */
export function signedAs(signerName: string, onBehalfOfName: string | null | undefined): string {
  return onBehalfOfName ? `${signerName} 代 ${onBehalfOfName}` : signerName;
}

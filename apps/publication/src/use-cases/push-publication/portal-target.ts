import type { PortalPush, PortalReceipt, PortalRetract, PortalRetractReceipt } from '@sanshen/contracts';

/**
 * The port a push goes through. The bundled portal is one adapter; another CMS is another adapter
 * speaking the same contract (ARCHITECTURE.md "Portal push contract"), chosen by PORTAL_TARGET.
 */
export interface PortalTarget {
  readonly name: string;
  /** Never throws for what the remote side did: every outcome is a value. */
  push(push: PortalPush): Promise<PortalPushOutcome>;
  /** Withdraws the document's page (撤稿); idempotent. Never throws for what the remote side did. */
  retract(retract: PortalRetract): Promise<PortalRetractOutcome>;
  /**
   * The page the portal would show for this push, without storing anything (审核预览). A CMS that
   * cannot preview leaves it out; then the preview is refused.
   */
  preview?(push: PortalPush): Promise<{ ok: true; html: string } | { ok: false; error: string }>;
}

export type PortalRetractOutcome =
  | { ok: true; receipt: PortalRetractReceipt; httpStatus: number }
  | { ok: false; kind: 'retryable' | 'permanent'; httpStatus: number | null; error: string };

export type PortalPushOutcome =
  | { ok: true; receipt: PortalReceipt; httpStatus: number }
  | {
      ok: false;
      /** retryable: 429, 5xx, timeouts, network errors; permanent: any other refusal. */
      kind: 'retryable' | 'permanent';
      httpStatus: number | null;
      error: string;
    };

export const PORTAL_TARGET = Symbol('PORTAL_TARGET');

/**
 * Subject and stream names are wire contracts: never rename one (STYLE.md "Messages are contracts").
 *
 * A namespace isolates one installation (or one test run) from another on a shared NATS server:
 * the empty namespace is production; a test run sets SANSHEN_NAMESPACE=t123 and gets its own
 * stream (SANSHEN_T123), event subjects (t123.sanshen.document.created) and RPC subjects
 * (t123.drafting.document.create).
 */
export interface Namespace {
  /** '' in production. Lowercase letters, digits and '_' only. */
  readonly name: string;
}

export const EVENTS_ROOT = 'sanshen';
export const STREAM_BASE = 'SANSHEN';

function prefixed(ns: Namespace, subject: string): string {
  return ns.name === '' ? subject : `${ns.name}.${subject}`;
}

export function streamName(ns: Namespace): string {
  return ns.name === '' ? STREAM_BASE : `${STREAM_BASE}_${ns.name.toUpperCase()}`;
}

/** `sanshen.document.submitted` for the event type `document.submitted`. */
export function eventSubject(ns: Namespace, eventType: string): string {
  return prefixed(ns, `${EVENTS_ROOT}.${eventType}`);
}

/** Every subject the stream captures. */
export function streamSubjects(ns: Namespace): string[] {
  return [prefixed(ns, `${EVENTS_ROOT}.>`)];
}

/** Where a consumer's poison messages go after the last failed delivery. */
export function deadLetterSubject(ns: Namespace, consumer: string): string {
  return prefixed(ns, `${EVENTS_ROOT}.dlq.${consumer}`);
}

/** `drafting.document.create` → the namespaced RPC subject. */
export function rpcSubject(ns: Namespace, pattern: string): string {
  return prefixed(ns, pattern);
}

/** Where the gateway that records in-app notices announces them to every gateway's live streams. */
export function noticeSubject(ns: Namespace): string {
  return prefixed(ns, 'gateway.notice.created');
}

/** Where a gateway that ended sessions (sign-out, revocation) tells every gateway to forget what it kept of them. */
export function sessionsEndedSubject(ns: Namespace): string {
  return prefixed(ns, 'gateway.sessions.ended');
}

export function eventTypeFromSubject(ns: Namespace, subject: string): string {
  const root = prefixed(ns, `${EVENTS_ROOT}.`);
  return subject.startsWith(root) ? subject.slice(root.length) : subject;
}

export function isValidNamespace(name: string): boolean {
  return /^[a-z0-9_]{0,32}$/.test(name);
}

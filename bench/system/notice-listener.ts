import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { Person } from './population.js';

/** What the gateway's stream says of a notice (`event: notice`). */
interface StreamedNotice {
  documentId: string;
  kind: string;
}

/**
 * A person's live notice stream (`GET /api/v1/notifications/stream`, server-sent events), kept open
 * the way the console keeps it: whoever waits for a document's notice of some kind is told when it
 * comes. Notices nobody waits for are let go.
 */
export class NoticeListener {
  private readonly waiting = new Map<string, { kinds: readonly string[]; heard: (kind: string) => void }>();
  private readonly stop = new AbortController();
  private reading: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  private constructor(readonly person: Person) {}

  /** Open once the stream has answered (its first event, the unread count, follows at once). */
  static async open(person: Person): Promise<NoticeListener> {
    const listener = new NoticeListener(person);
    const response = await person.open('/api/v1/notifications/stream', listener.stop.signal);
    if (response.status !== 200 || response.body === null) throw new Error(`notice stream of ${person.username}: ${response.status}`);
    const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
    listener.reading = listener.read(events);
    return listener;
  }

  /** The kind of the document's next notice among `kinds`; ask before the step that causes it. */
  heard(documentId: string, kinds: readonly string[]): Promise<string> {
    return new Promise((heard) => this.waiting.set(documentId, { kinds, heard }));
  }

  /** Closes the stream; throws if it broke before (its waiters fell back to looking every second). */
  async close(): Promise<void> {
    this.stop.abort();
    await this.reading;
    if (this.failure !== null) throw new Error(`notice stream of ${this.person.username} broke: ${String(this.failure)}`);
  }

  private async read(events: ReadableStream<{ event?: string; data: string }>): Promise<void> {
    try {
      for await (const message of events) {
        if (message.event !== 'notice') continue;
        const notice = JSON.parse(message.data) as StreamedNotice;
        const waiter = this.waiting.get(notice.documentId);
        if (waiter === undefined || !waiter.kinds.includes(notice.kind)) continue;
        this.waiting.delete(notice.documentId);
        waiter.heard(notice.kind);
      }
    } catch (error) {
      if (!this.stop.signal.aborted) this.failure = error;
    }
  }
}

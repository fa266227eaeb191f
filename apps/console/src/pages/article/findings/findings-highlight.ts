import { Extension } from '@tiptap/core';
import type { Finding } from '@sanshen/content-checks';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { EditorView } from '@tiptap/pm/view';

/** A content-check finding placed in the editor: `from`/`to` are ProseMirror positions. */
export interface PlacedFinding extends Finding {
  from: number;
  to: number;
}

export interface FindingsHighlightOptions {
  /** The content checks over the editor's text (one line per block); pure, run in the browser. */
  scan: (text: string) => Finding[];
  /** Quiet time after the last keystroke before the text is checked again. */
  debounceMs: number;
}

const key = new PluginKey<DecorationSet>('findingsHighlight');
/** Meta of a transaction that asks for the text to be checked again now (e.g. the dictionary changed). */
const RESCAN = 'rescan';

/**
 * The editor's text as the checks read it — one line per text block, a hard break a line break —
 * with the document position of every character, so a finding's offsets map back onto the text.
 */
export function textWithPositions(doc: ProseMirrorNode): { text: string; positions: number[] } {
  let text = '';
  const positions: number[] = [];
  let blocks = 0;
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (blocks > 0) {
        text += '\n';
        positions.push(pos);
      }
      blocks += 1;
    } else if (node.isText) {
      const chunk = node.text ?? '';
      text += chunk;
      for (let index = 0; index < chunk.length; index += 1) positions.push(pos + index);
    } else if (node.type.name === 'hardBreak') {
      text += '\n';
      positions.push(pos);
    }
    return true;
  });
  return { text, positions };
}

/** One inline decoration per finding (its class by severity), the finding kept in the spec. */
export function findingDecorations(doc: ProseMirrorNode, findings: Finding[]): DecorationSet {
  const { positions } = textWithPositions(doc);
  const decorations = findings
    .filter((finding) => finding.end > finding.start && finding.end <= positions.length)
    .map((finding) =>
      Decoration.inline(
        positions[finding.start]!,
        positions[finding.end - 1]! + 1,
        { class: `finding-mark finding-${finding.severity}`, 'data-finding': finding.type },
        { finding },
      ),
    );
  return DecorationSet.create(doc, decorations);
}

/** Checks the text again at once: the scan function's dictionary changed. */
export function rescanFindings(view: EditorView): void {
  if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, RESCAN).setMeta('addToHistory', false));
}

/** The findings highlighted now, where they stand in the document. */
export function placedFindings(state: EditorState): PlacedFinding[] {
  const set = key.getState(state) ?? DecorationSet.empty;
  return set.find().map((decoration) => ({ ...(decoration.spec as { finding: Finding }).finding, from: decoration.from, to: decoration.to }));
}

/** The highlighted finding under the cursor, if any (clicking a mark puts the cursor there). */
export function findingAtCursor(state: EditorState): PlacedFinding | null {
  const { from, to } = state.selection;
  return placedFindings(state).find((finding) => finding.from <= from && to <= finding.to) ?? null;
}

/**
 * Highlights content-check findings in the text as it is written: a ProseMirror plugin whose state is
 * a DecorationSet. Edits map the marks along at once; the checks run again after `debounceMs` of
 * quiet and replace them.
 */
export const FindingsHighlight = Extension.create<FindingsHighlightOptions>({
  name: 'findingsHighlight',
  addOptions() {
    return { scan: () => [], debounceMs: 300 };
  },
  addProseMirrorPlugins() {
    const { scan, debounceMs } = this.options;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => findingDecorations(state.doc, scan(textWithPositions(state.doc).text)),
          apply: (tr, set) => {
            const scanned = tr.getMeta(key) as Finding[] | typeof RESCAN | undefined;
            if (scanned === RESCAN) return findingDecorations(tr.doc, scan(textWithPositions(tr.doc).text));
            if (scanned !== undefined) return findingDecorations(tr.doc, scanned);
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: { decorations: (state) => key.getState(state) },
        view: () => {
          let timer: ReturnType<typeof setTimeout> | undefined;
          return {
            update: (view, previous) => {
              if (view.state.doc.eq(previous.doc)) return;
              clearTimeout(timer);
              timer = setTimeout(() => {
                if (view.isDestroyed) return;
                view.dispatch(view.state.tr.setMeta(key, scan(textWithPositions(view.state.doc).text)).setMeta('addToHistory', false));
              }, debounceMs);
            },
            destroy: () => clearTimeout(timer),
          };
        },
      }),
    ];
  },
});

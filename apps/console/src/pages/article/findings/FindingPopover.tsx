import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { Button, Tag } from 'antd';
import { TAG } from '../../../ui/tag-colors';
import { findingAtCursor } from './findings-highlight';
import type { PlacedFinding } from './findings-highlight';

/** Replaces the finding's text with its suggestion, if the text is still what was found. */
export function applySuggestion(editor: Editor, finding: PlacedFinding): void {
  const { state } = editor;
  if (!finding.suggestion || state.doc.textBetween(finding.from, finding.to) !== finding.matched) return;
  editor.view.dispatch(state.tr.insertText(finding.suggestion, finding.from, finding.to));
  editor.commands.focus();
}

/**
 * The finding under the cursor (a click on a highlighted passage puts it there), in Chinese, just
 * below its line: what is wrong and, where the check has one, a one-click 「改为 …」.
 */
export function FindingPopover({ editor, container }: { editor: Editor; container: HTMLElement | null }) {
  const finding = useEditorState({ editor, selector: ({ editor: current }) => findingAtCursor(current.state), equalityFn: (a, b) => a?.from === b?.from && a?.to === b?.to && a?.message === b?.message });
  if (finding === null || container === null) return null;
  const at = editor.view.coordsAtPos(finding.from);
  const box = container.getBoundingClientRect();
  return (
    <div className="finding-popover" role="note" aria-label="检查发现" data-testid="finding-popover" style={{ top: at.bottom - box.top + 4, left: Math.max(0, Math.min(at.left - box.left, box.width - 320)) }}>
      <Tag color={finding.severity === 'blocking' ? TAG.danger : TAG.warning}>{finding.severity === 'blocking' ? '须修改或说明' : '提示'}</Tag>
      <span>{finding.message}</span>
      {finding.suggestion && (
        <div style={{ marginTop: 6 }}>
          <Button size="small" type="primary" onMouseDown={(event) => event.preventDefault()} onClick={() => applySuggestion(editor, finding)}>
            改为“{finding.suggestion}”
          </Button>
        </div>
      )}
    </div>
  );
}

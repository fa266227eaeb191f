import type { Finding } from '@sanshen/content-checks';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { FindingPopover } from './findings/FindingPopover';
import { FindingsHighlight, rescanFindings } from './findings/findings-highlight';
import './findings/findings.css';

interface Props {
  value: string;
  onChange: (html: string) => void;
  /** The content checks over the text, run as it is written; findings are highlighted in place. */
  scan?: (text: string) => Finding[];
}

/** The article body: TipTap (ProseMirror) with the basic marks; the server sanitizes what it stores. */
export function RichTextEditor({ value, onChange, scan }: Props) {
  // The latest scan (its dictionary may arrive later) behind a stable function the plugin keeps.
  const scanRef = useRef(scan);
  scanRef.current = scan;
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const editor = useEditor({
    extensions: [StarterKit, FindingsHighlight.configure({ scan: (text) => scanRef.current?.(text) ?? [] })],
    content: value,
    onUpdate: ({ editor: current }) => onChange(current.getHTML()),
    editorProps: { attributes: { 'aria-label': '正文', role: 'textbox', 'aria-multiline': 'true', class: 'rich-text' } },
  });
  // A new scan (the dictionary learned from the server's check): check the text again now.
  useEffect(() => {
    if (editor !== null && scan !== undefined) rescanFindings(editor.view);
  }, [editor, scan]);
  if (editor === null) return null;
  return (
    <div>
      <Space className="no-print" style={{ marginBottom: 4 }}>
        <Button size="small" onClick={() => editor.chain().focus().toggleBold().run()}>
          加粗
        </Button>
        <Button size="small" onClick={() => editor.chain().focus().toggleHeading({ level: 2 }).run()}>
          小标题
        </Button>
        <Button size="small" onClick={() => editor.chain().focus().toggleBulletList().run()}>
          列表
        </Button>
      </Space>
      <div className="rich-text-frame" ref={setFrame}>
        <EditorContent editor={editor} />
        <FindingPopover editor={editor} container={frame} />
      </div>
    </div>
  );
}

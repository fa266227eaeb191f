import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Space } from 'antd';

/** The article body: TipTap (ProseMirror) with the basic marks; the server sanitizes what it stores. */
export function RichTextEditor({ value, onChange }: { value: string; onChange: (html: string) => void }) {
  const editor = useEditor({
    extensions: [StarterKit],
    content: value,
    onUpdate: ({ editor: current }) => onChange(current.getHTML()),
    editorProps: { attributes: { 'aria-label': '正文', role: 'textbox', 'aria-multiline': 'true', class: 'rich-text' } },
  });
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
      <EditorContent editor={editor} />
    </div>
  );
}

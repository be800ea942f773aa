import { InboxOutlined } from '@ant-design/icons';

/** The drop zone shown over the page while files are dragged onto it; the drop itself is taken by useFileDrop. */
export function DropHint({
  visible,
  title = '松开鼠标，导入填回的填报表',
  detail = '可以是多个文件或整个文件夹；导入前会逐个文件预览，确认后才写入',
}: {
  visible: boolean;
  title?: string;
  detail?: string;
}) {
  if (!visible) return null;
  return (
    <div
      data-testid="form-drop-hint"
      role="status"
      style={{
        position: 'fixed',
        inset: 12,
        zIndex: 2000,
        pointerEvents: 'none',
        border: '3px dashed #1677ff',
        borderRadius: 12,
        background: 'rgba(230, 244, 255, 0.88)',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 12,
        fontSize: 22,
        color: '#0b3d91',
      }}
    >
      <InboxOutlined style={{ fontSize: 64 }} />
      <div>{title}</div>
      <div style={{ fontSize: 15 }}>{detail}</div>
    </div>
  );
}

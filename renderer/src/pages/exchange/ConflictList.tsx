import { Button, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ConflictSide, ConflictView } from '../../../../shared/app/exchange/conflicts';
import { showValue } from '../../components/show-value';

/** In a county office's records kept at the city, a choice here is the city's view only. */
export const CITY_LOCAL_NOTE = '在市级本机保留，不会改变旗区的数据；旗区以后报来的处理结果为准';

function SideRow({ c, side, onKeep }: { c: ConflictView; side: ConflictSide; onKeep: (c: ConflictView, side: ConflictSide) => Promise<void> }) {
  const text = side.cleared ? '（已清空）' : showValue(side.value, c.field, { table: c.table });
  return (
    <div data-testid="conflict-value" style={{ display: 'grid', gridTemplateColumns: '300px 190px minmax(0, 1fr) auto', gap: 8, alignItems: 'baseline', padding: '4px 0' }}>
      <span>
        <Tag color={side.who === '本机' ? 'blue' : 'purple'} data-testid="conflict-who" style={{ whiteSpace: 'normal' }}>
          {side.label}
        </Tag>
      </span>
      <Typography.Text type="secondary" data-testid="conflict-time" style={{ whiteSpace: 'nowrap' }}>
        {side.at} 修改
      </Typography.Text>
      <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} data-testid="conflict-text">
        {side.current && (
          <Tag color="green" data-testid="conflict-current">
            当前
          </Tag>
        )}
        {text}
      </Typography.Paragraph>
      <Popconfirm
        title="保留这一项？"
        description={
          <div style={{ maxWidth: 320 }}>
            {c.own
              ? `${c.fieldLabel}将保留「${side.label}」${side.at} 的修改，另${c.sides.length > 2 ? '几' : '一'}种写法将被舍弃，不能撤销。`
              : `市级本机的${c.officeName}数据中，${c.fieldLabel}将显示「${side.label}」${side.at} 的写法，汇总表中标“市级选定”。${c.officeName}本身的数据不变，导出时也不会当作${c.officeName}的数据；${c.officeName}以后报来的处理结果为准。`}
          </div>
        }
        okText="保留此项"
        cancelText="取消"
        onConfirm={() => onKeep(c, side)}
      >
        <Button size="small" data-testid="keep-value">
          保留此项
        </Button>
      </Popconfirm>
    </div>
  );
}

function Sides({ c, onKeep }: { c: ConflictView; onKeep: (c: ConflictView, side: ConflictSide) => Promise<void> }) {
  const { shown, hidden } = shownSides(c.sides);
  return (
    <>
      {shown.map((side) => (
        <SideRow key={side.stamp} c={c} side={side} onKeep={onKeep} />
      ))}
      {hidden > 0 && (
        <Typography.Text type="warning" data-testid="conflict-hidden">
          另有 {hidden} 种写法未列出：同一字段有这么多种写法不是正常使用会出现的，请联系该单位核查
        </Typography.Text>
      )}
    </>
  );
}

/** Conflicts shown per page of an office's list, and values shown per conflict: the page stays quick whatever a file held. */
export const CONFLICTS_PER_PAGE = 20;
export const SIDES_SHOWN = 12;

/** The values a conflict shows: the first SIDES_SHOWN, always with the current one; how many more there are. */
export function shownSides(sides: readonly ConflictSide[], max: number = SIDES_SHOWN): { shown: ConflictSide[]; hidden: number } {
  if (sides.length <= max) return { shown: [...sides], hidden: 0 };
  const shown = sides.slice(0, max);
  const current = sides.find((s) => s.current);
  if (current && !shown.includes(current)) shown[max - 1] = current;
  return { shown, hidden: sides.length - max };
}

/** Fields two computers changed at once: every value with who made it and when, until a clerk keeps one. */
export function ConflictList({ conflicts, onKeep }: { conflicts: readonly ConflictView[]; onKeep: (c: ConflictView, side: ConflictSide) => Promise<void> }) {
  if (!conflicts.length) return <Empty description="没有冲突" />;
  const severalOffices = new Set(conflicts.map((c) => c.officeCode)).size > 1 || conflicts.some((c) => !c.own);
  const groups = new Map<string, ConflictView[]>();
  for (const c of conflicts) {
    const list = groups.get(c.officeCode);
    if (list) list.push(c);
    else groups.set(c.officeCode, [c]);
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="conflict-list">
      {severalOffices && <Typography.Text type="secondary">旗区记录中的冲突：{CITY_LOCAL_NOTE}。</Typography.Text>}
      {[...groups.values()].map((list) => (
        <List
          key={list[0].officeCode}
          size="small"
          header={severalOffices ? <Typography.Text strong>{`${list[0].officeName}（${list.length} 处${list[0].own ? '，本单位' : ''}）`}</Typography.Text> : undefined}
          dataSource={list}
          pagination={list.length > CONFLICTS_PER_PAGE ? { pageSize: CONFLICTS_PER_PAGE, size: 'small', showSizeChanger: false } : false}
          rowKey={(c) => c.key}
          renderItem={(c) => (
            <List.Item data-testid="conflict-item">
              <Space direction="vertical" style={{ width: '100%' }} size={2}>
                <Typography.Text strong data-testid="conflict-title">
                  {severalOffices ? `${c.officeName} · ` : ''}
                  {c.tableLabel} {c.title} · {c.fieldLabel}
                </Typography.Text>
                <Sides c={c} onKeep={onKeep} />
              </Space>
            </List.Item>
          )}
        />
      ))}
    </Space>
  );
}

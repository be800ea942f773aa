import { Alert, Typography } from 'antd';
import type { NumberClash, RegisterPeer } from '../../../../shared/app/printing/issued-sheets';
import { NUMBERED_KIND_LABELS } from '../../../../shared/print/sheet-number';

/**
 * 交办记录's warnings about numbering across the office's laptops: another laptop with the same
 * 本机编号, and numbers that stand on two different sheets, each with every sheet that carries it.
 */
export function RegisterWarnings({ clashes, samePeers, series }: { clashes: readonly NumberClash[]; samePeers: readonly RegisterPeer[]; series: number }) {
  return (
    <>
      {samePeers.length > 0 && (
        <Alert
          style={{ marginBottom: 12 }}
          type="warning"
          showIcon
          data-testid="same-series"
          message={`本单位另有 ${samePeers.length} 台电脑的本机编号也是 ${series}，分开打印时文号会重复`}
          description="请在其中一台电脑的「设置 → 本机」把本机编号改为其他数字（如 2），以后那台电脑的文号写成“2-序号”，不会再与本机重复。"
        />
      )}
      {clashes.length > 0 && (
        <Alert
          style={{ marginBottom: 12 }}
          type="error"
          showIcon
          data-testid="number-clashes"
          message={`有 ${clashes.length} 个文号用在了两份不同的单据上（本单位两台电脑分开打印时编了同一个号）`}
          description={
            <>
              {clashes.map((c) => (
                <Typography.Paragraph key={c.number} style={{ margin: 0 }}>
                  <Typography.Text strong>{c.number}</Typography.Text>：
                  {c.sheets.map((s) => `${NUMBERED_KIND_LABELS[s.kind]} 发给${s.departmentName}（${s.issuedOn}）`).join('；')}
                </Typography.Paragraph>
              ))}
              <Typography.Paragraph style={{ margin: '4px 0 0' }}>两份单据都已发出，登记都保留。如需更正，请以后一份重新发文；并按上面的提示给两台电脑设不同的本机编号。</Typography.Paragraph>
            </>
          }
        />
      )}
    </>
  );
}

import { Alert } from 'antd';
import type { RegisterMergePreview } from '../../../../shared/app/printing/issued-sheets';

/** In the import preview: what another laptop's file adds to 交办记录, and a 本机编号 both laptops share. */
export function RegisterImportNote({ register }: { register: RegisterMergePreview | null }) {
  if (!register) return null;
  const { added, receipts, clashes, sameSeries } = register;
  const news = [added ? `${added} 份交办单、督办单的发文登记` : '', receipts ? `${receipts} 份回执` : ''].filter(Boolean).join('、');
  return (
    <>
      {news && <Alert type="info" showIcon data-testid="register-import" message={`合并后交办记录将增加对方电脑的 ${news}。`} />}
      {sameSeries !== null && (
        <Alert
          type="warning"
          showIcon
          data-testid="register-same-series"
          message={`对方电脑的本机编号也是 ${sameSeries}`}
          description="同一单位的两台电脑本机编号相同，分开打印时文号会重复。请在其中一台的「设置 → 本机」改为其他编号（如 2）。"
        />
      )}
      {clashes.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="register-clashes"
          message={`有 ${clashes.length} 个文号两台电脑各用过一次：${clashes.map((c) => c.number).join('、')}`}
          description="两份单据都会保留在交办记录里，并在那里列出各自发给了谁。"
        />
      )}
    </>
  );
}

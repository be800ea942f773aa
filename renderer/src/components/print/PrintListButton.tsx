import { useState } from 'react';
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { PlanData } from '../../../../shared/views/plan-data';
import type { PrintDocument } from '../../../../shared/print/document';
import { buildDocument, type PrintRequest } from '../../../../shared/print/documents';
import { defaultPrintSettings } from '../../../../shared/print/sheet-number';
import { PrintPreview } from './PrintPreview';
import { usePrintPlan } from './use-print-plan';

/** A toolbar button that previews one of the print views (task list, project list, indicators, reporting status). */
export function PrintListButton({ plan, request, label = '打印' }: { plan: PlanData; request: () => Exclude<PrintRequest, { kind: 'assignment' | 'supervision' }>; label?: string }) {
  const [doc, setDoc] = useState<PrintDocument | null>(null);
  const withProblems = usePrintPlan(plan);
  return (
    <>
      <Button icon={<PrinterOutlined />} onClick={() => setDoc(buildDocument(withProblems, request(), defaultPrintSettings(plan.office)))}>
        {label}
      </Button>
      <PrintPreview doc={doc} onClose={() => setDoc(null)} />
    </>
  );
}

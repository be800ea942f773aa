import { usePlan } from '../../app/store';
import { PrintSheetsBar } from './PrintSheetsBar';

/** A department's own 任务交办单 and 督办单, from its page in the directory. */
export function DepartmentSheets({ departmentId }: { departmentId: string }) {
  const plan = usePlan();
  return <PrintSheetsBar plan={plan} departmentId={departmentId} />;
}

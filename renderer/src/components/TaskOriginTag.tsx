import { Tag, Tooltip } from 'antd';
import type { Task } from '../../../shared/domain/task';
import { divisionName } from '../../../shared/domain/divisions';

/** Where a task came from, when not from this office's own plan: the city's plan, or the previous plan period. */
export function TaskOriginTag({ task }: { task: Pick<Task, 'fromCity' | 'carriedFrom'> }) {
  return (
    <>
      {task.fromCity && (
        <Tooltip title={`${divisionName(task.fromCity.officeCode)}方案 ${task.fromCity.number}`}>
          <Tag color="gold" data-testid="from-city">
            市级下达
          </Tag>
        </Tooltip>
      )}
      {task.carriedFrom && (
        <Tag color="blue" data-testid="carried-over">
          上期结转
        </Tag>
      )}
    </>
  );
}

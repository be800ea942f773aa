import type { Command } from '../command';
import { BUNDLE_COMMANDS } from './bundle';
import { WORKSPACE_COMMANDS } from './workspace';
import { EXCHANGE_COMMANDS } from './exchange';
import { REPORT_COMMANDS } from './reports';
import { PLAN_COMMANDS } from './plan';
import { PRINT_COMMANDS } from './print';
import { BACKUP_COMMANDS } from './backup';
import { XLSX_COMMANDS } from './xlsx';
import { MONTHLY_COMMANDS } from './monthly';
import { PROBLEM_COMMANDS } from './problems';
import { DOCUMENT_COMMANDS } from './documents';
import { INDICATOR_COMMANDS } from './indicators';
import { RECORD_COMMANDS } from './records';
import { DIRECTORY_COMMANDS } from './directory';
import { PRINT_SETTINGS_COMMANDS } from './print-settings';
import { CATCH_UP_COMMANDS } from './catch-up';

/** Every zwc command, in the order `zwc help` lists them. One module per capability. */
export const COMMANDS: readonly Command[] = [
  ...BUNDLE_COMMANDS,
  ...WORKSPACE_COMMANDS,
  ...MONTHLY_COMMANDS,
  ...INDICATOR_COMMANDS,
  ...RECORD_COMMANDS,
  ...DIRECTORY_COMMANDS,
  ...PROBLEM_COMMANDS,
  ...PLAN_COMMANDS,
  ...CATCH_UP_COMMANDS,
  ...EXCHANGE_COMMANDS,
  ...REPORT_COMMANDS,
  ...PRINT_COMMANDS,
  ...PRINT_SETTINGS_COMMANDS,
  ...DOCUMENT_COMMANDS,
  ...XLSX_COMMANDS,
  ...BACKUP_COMMANDS,
];

const byName = new Map(COMMANDS.map((c) => [c.name, c]));

export const commandNamed = (name: string): Command | undefined => byName.get(name);

/** The commands under a group word (`plan`, `xlsx`, `bundle`), or none. */
export const commandsUnder = (group: string): Command[] => COMMANDS.filter((c) => c.name.startsWith(`${group} `));

import type { Command } from './command';
import { COMMANDS, commandNamed, commandsUnder } from './commands';
import { EXIT_CODES_HELP } from './errors';

/** zwc's help text, written from the command registry: `zwc help`, `zwc help NAME`, `zwc NAME --help`. */

function line(c: Command): string {
  const ws = c.workspace === 'required' ? '--workspace DIR ' : c.workspace === 'optional' ? '[--workspace DIR] ' : '';
  return `  zwc ${ws}${c.name} ${c.usage}\n      ${c.summary}\n`;
}

export function commandHelp(c: Command): string {
  return `用法 / Usage:\n${line(c)}${c.details ? `\n${c.details}` : ''}`;
}

export const GENERAL_HELP = (): string => `zwc — 无废城市建设台账 命令行工具 / command line of the ledger

  与桌面程序使用同一套规则和服务；--workspace DIR 指定工作区文件夹（本单位的台账数据）。
  / Same rules and services as the desktop app; --workspace DIR names a workspace folder.

命令 / Commands:
${COMMANDS.map(line).join('')}  zwc help [命令]        某个命令的详细说明 / help on one command

规则与桌面程序相同 / Same rules as the desktop app: 未来一天以上的修订戳、不属于签名单位的记录、
他单位的设备标识、超出上限的数据都会被拒绝 / future stamps, foreign records, another key's device id
and anything over the limits are refused.

${EXIT_CODES_HELP}`;

/** Help on the named command or group, or undefined when there is none by that name. */
export function helpFor(words: readonly string[]): string | undefined {
  const name = words.join(' ');
  const c = commandNamed(name);
  if (c) return commandHelp(c);
  const group = commandsUnder(name);
  if (group.length) return `用法 / Usage:\n${group.map(line).join('')}`;
  return undefined;
}

// What the command line says, as plain data (commander's output, typed).
import type { AnswerOptions } from '../domain/fields.js';

export const COMMANDS = [
  'install',
  'render',
  'upgrade',
  'rollback',
  'status',
  'port-forward',
  'uninstall',
  'test-chart',
] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Everything commander hands over: the answer flags (from domain/fields.ts), then the rest. */
export interface CliOptions extends AnswerOptions {
  valuesFile?: string;
  outputDir?: string;
  answers?: string;
  reset?: boolean;
  yes?: boolean;
  plain?: boolean;
  json?: boolean;
  kubeContext?: string;
  kubeconfig?: string;
  set: string[];
  values: string[];
  chart?: string;
  dryRun?: boolean;
  timeout: string;
  dbPasswordStdin?: boolean;
  redisPasswordStdin?: boolean;
  verbose?: boolean;
  helmBinary?: string;
  kubectlBinary?: string;
  revision?: string;
  portForward?: boolean;
  verify?: boolean;
  loadImage?: boolean;
  deleteData?: boolean;
  port?: string;
}

export interface ParsedArgs {
  command: CommandName;
  options: CliOptions;
}

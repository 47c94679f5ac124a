// What every command gets, and the requests the release pipelines are handed.
import type { Answers } from '../domain/answers.js';
import type { Runner } from '../kube/runner.js';
import type { UiMode } from '../ui/mode.js';
import type { PreflightFacts, TypedSecrets } from '../ui/wizard/contract.js';
import type { CliOptions, CommandName } from './options.js';
import type { Output } from './output.js';

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export interface CliContext extends CliIO {
  command: CommandName;
  options: CliOptions;
  mode: UiMode;
  out: Output;
  /** Prints each helm/kubectl command with --verbose. */
  runner: Runner;
  /** Aborted on SIGINT/SIGTERM: every child process and prompt listens to it. */
  signal: AbortSignal;
  version: string;
  packageRoot: string | undefined;
  /** Started at launch when the wizard may run, so the probes overlap loading the screens. */
  preflight?: Promise<PreflightFacts> | undefined;
}

/** Helm/kubectl selection and cluster target, straight from the flags. */
export interface KubeOptions {
  helmBinary?: string | undefined;
  kubectlBinary?: string | undefined;
  kubeContext?: string | undefined;
  kubeconfig?: string | undefined;
}

/**
 * install / upgrade, handed over once the answers are known. For a real run the
 * override file is already written at `valuesFile`; with `dryRun` it was written to
 * a temporary path instead and the user's file is untouched.
 */
export interface InstallRequest extends KubeOptions {
  command: 'install' | 'upgrade';
  answers: Answers;
  valuesFile: string;
  shownValuesFile: string;
  /** The override file's text before this run (null: there was none) — restored on rollback. */
  overrideBefore: string | null;
  chartDir: string;
  shownChart: string;
  /** Pass-through `-f` files and `--set`s (never saved in the override file). */
  extraValues: string[];
  sets: string[];
  timeout: string;
  dryRun: boolean;
  yes: boolean;
  /** Passwords typed in the wizard or read from stdin; the Secrets are created from stdin. */
  secrets: TypedSecrets;
  /** Keep the port-forward open until Ctrl-C (`--port-forward`). */
  portForward: boolean;
  /** Probe /health through a port-forward after install (`--no-verify` turns it off). */
  verify: boolean;
  /** `--load-image` / `--no-load-image`; undefined: ask (interactive) or print the commands (headless). */
  loadImage?: boolean | undefined;
  port?: number | undefined;
}

/** rollback / status / port-forward / uninstall: one existing release. */
export interface ReleaseRequest extends KubeOptions {
  command: 'rollback' | 'status' | 'port-forward' | 'uninstall';
  release: string;
  namespace: string;
  /** Known when the override file (or -e) says so. */
  environment?: Answers['environment'] | undefined;
  valuesFile?: string | undefined;
  chartDir: string;
  timeout: string;
  yes: boolean;
  dryRun: boolean;
  revision?: number | undefined;
  deleteData: boolean;
  port?: number | undefined;
}

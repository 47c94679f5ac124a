// The contract between the CLI (src/main.ts) and the interactive wizard.
//
// The CLI never touches JSX: it calls one of two promise-returning functions and
// branches on the result (the Shopify `renderSelectPrompt` pattern).
//
//   import { runInkWizard } from './screens/wizard.js';   // Ink, needs a TTY on stdin
//   import { runPlainWizard } from './screens/plain.js';   // --plain: line prompts
//
//   const result = await runInkWizard(known, ctx);
//   switch (result.kind) {
//     case 'completed':   // write values from result.answers; create Secrets from result.secrets (stdin pipe)
//     case 'render-only': // write values + `helm template` into the output dir; no cluster is touched
//     case 'cancelled':   // nothing was written: exit 130
//   }
//
// Both functions ask the same questions in the same order with the same validation
// (src/ui/wizard/questions.ts); only the way of asking differs. Neither writes a file, spawns
// a process or prints a secret: they return answers and the CLI acts on them.

import type { Answers } from '../../domain/answers.js';
import type { FlatAnswers } from '../../domain/keys.js';

/**
 * What the CLI learnt about the machine and cluster before the wizard starts (from
 * src/kube preflight). Shown on the first screen, so the user knows which cluster they
 * are about to touch.
 */
export interface PreflightFacts {
  /** Current kube context name; null when there is no kubeconfig or no current context. */
  context: string | null;
  /** API server URL of that context, when known. */
  server?: string | undefined;
  /** True when the API server answered. */
  reachable: boolean;
  /** One line on why the cluster did not answer ("connection refused"), shown when unreachable. */
  unreachableReason?: string | undefined;
  /** `helm version` (e.g. "v3.17.3"); null when helm was not found. */
  helmVersion: string | null;
  /** kubectl client version (e.g. "v1.35.0"); null when kubectl was not found. */
  kubectlVersion: string | null;
  /** Kubernetes server version, when reachable. */
  serverVersion?: string | undefined;
  /**
   * Whether the context is a production cluster. Leave undefined to let the wizard guess
   * from the context name (`prod`, `production`, `prd`, `live` as a word).
   */
  production?: boolean | undefined;
}

export interface WizardContext {
  /**
   * The facts, or the probes still answering. A promise is not awaited before the first
   * frame: the Preflight screen shows each fact as "checking…" and fills it in when the
   * promise settles; choices that depend on the facts wait for them (the plain prompts
   * await it before asking anything).
   */
  preflight: PreflightFacts | Promise<PreflightFacts>;
  /**
   * `install` (default): the wizard ends by confirming an install/upgrade, and offers
   * "render only" when no cluster answers. `render`: the wizard ends by confirming a render
   * (never asks for passwords, since nothing can create a Secret).
   */
  purpose?: 'install' | 'render' | undefined;
  /**
   * Answers remembered from the existing override file. Unlike `initial`, these are still
   * asked; they are only the pre-selected defaults. Top-level groups, like `initial`.
   */
  remembered?: Partial<Answers> | undefined;
  /**
   * Single answers already known (validated) inside groups that are not complete, keyed
   * by long flag name, e.g. `{ database: 'external', 'db-host': 'db.internal' }` from
   * `--database external --db-host db.internal`: those single questions are skipped and
   * the rest of the group is asked.
   */
  knownKeys?: FlatAnswers | undefined;
  /**
   * The values override text exactly as it will be written (src/values builder), shown
   * on the Review screen. Throw an Error whose message (and optional `hint` property) says
   * what is wrong: the Review screen shows it and only lets the user go back.
   */
  reviewText: (answers: Answers) => string | Promise<string>;
  /** Path the values file will be written to, shown on Review. */
  valuesPath?: ((answers: Answers) => string) | undefined;
  /** Streams; default process.stdin/stdout/stderr. */
  stdin?: NodeJS.ReadStream | undefined;
  stdout?: NodeJS.WriteStream | undefined;
  stderr?: NodeJS.WriteStream | undefined;
  /** Environment for NO_COLOR; default process.env. */
  env?: NodeJS.ProcessEnv | undefined;
  /** Aborting it ends the wizard with `cancelled` (e.g. on SIGTERM). */
  signal?: AbortSignal | undefined;
}

/** A password the user typed once; the CLI pipes it to `kubectl create secret` on stdin. */
export interface TypedSecret {
  /** The Secret to create; the same name is already in the answers (`database.secret` / `redis.secret`). */
  secretName: string;
  /** Key inside the Secret (the chart's `passwordKey` default). */
  key: 'password';
  password: string;
}

/** Secrets typed in the wizard. Never part of Answers, the values file, logs or argv. */
export interface TypedSecrets {
  database?: TypedSecret;
  redis?: TypedSecret;
}

/** Pairs passwords (typed in the wizard or read from stdin) with the Secrets the answers name. */
export function typedSecrets(answers: Answers, passwords: { database?: string; redis?: string }): TypedSecrets {
  const secrets: TypedSecrets = {};
  const { database, redis } = answers;
  if (passwords.database !== undefined && database.mode === 'external') {
    secrets.database = { secretName: database.secret, key: 'password', password: passwords.database };
  }
  if (passwords.redis !== undefined && redis.mode === 'external') {
    secrets.redis = { secretName: redis.secret, key: 'password', password: passwords.redis };
  }
  return secrets;
}

export type WizardResult =
  /** The user confirmed Review: write the values file, create typed Secrets, then install (or render for purpose `render`). */
  | { kind: 'completed'; answers: Answers; secrets: TypedSecrets }
  /** No cluster answered and the user chose "render only": write values + manifests, touch no cluster. */
  | { kind: 'render-only'; answers: Answers }
  /** Ctrl-C, "Quit" (preflight or Review), or `ctx.signal` aborted. Nothing must be written: exit 130. */
  | { kind: 'cancelled' };

/**
 * Initial answers: every top-level group present here (from flags or an --answers file)
 * is taken as decided and its questions are skipped. Give a group only when it is
 * complete (e.g. `database` with mode `external` needs host, port, name, user, secret);
 * single answers of an incomplete group go in `ctx.knownKeys` (those questions are
 * skipped, the rest of the group is asked).
 */
export type KnownAnswers = Partial<Answers>;

/** Thrown by runInkWizard when stdin cannot be put in raw mode (not a TTY). */
export class WizardNeedsTerminalError extends Error {
  readonly hint = 'run in a terminal, or pass --plain, or answer everything with flags/--answers and --yes';
  constructor() {
    super('the interactive wizard needs a terminal (stdin is not a TTY)');
    this.name = 'WizardNeedsTerminalError';
  }
}

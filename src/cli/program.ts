// The command line surface (commander). Kept free of heavy imports: `--help` and
// `--version` load only this file and commander.
import { Command, CommanderError, Option } from 'commander';
import { UserError } from '../domain/errors.js';
import { ANSWER_FIELDS } from '../domain/fields.js';
import { type CliOptions, COMMANDS, type CommandName, type ParsedArgs } from './options.js';

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

const COMMAND_HELP = `
Commands:
  install        (default) interactive wizard, then install or upgrade the release
  render         answers → values file + rendered manifests; no cluster needed
  upgrade        upgrade an existing release with new answers
  rollback       roll the release back (--revision N, default: the previous one)
  status         release, revision, pods and URL
  port-forward   forward a local port to the release's Service and check /health
  uninstall      remove the release (--delete-data also removes its volumes)
  test-chart     helm lint + render of your values with the bundled chart

Answers come from flags, --answers FILE (YAML keyed by the long flag names),
the existing values file, then the environment's defaults (with --yes).
Without a terminal (or with CI set) nothing is asked: missing answers exit 2.
Exit codes: 0 ok, 1 failed, 2 bad input, 3 failed and rolled back, 130 interrupted.

Examples:
  flask-helm-wizard                                   # the wizard
  flask-helm-wizard render -e dev --yes               # values + manifests, no cluster
  flask-helm-wizard install -e prod -n prod-flask-app --answers deploy/prod.yaml --yes --json
`;

function buildProgram(version: string): Command {
  const p = new Command('flask-helm-wizard')
    .description('Install a Flask app on Kubernetes with the flask-app Helm chart, on Helm 3 and Helm 4.')
    .argument('[command]', COMMANDS.join(' | '), 'install')
    .version(version, '--version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', COMMAND_HELP)
    .allowExcessArguments(false)
    .showSuggestionAfterError(true);

  const opt = (flags: string, desc: string) => p.addOption(new Option(flags, desc));
  // The answer flags come from the one field table; the two file options sit after
  // --release in --help, as they always have.
  for (const f of ANSWER_FIELDS) {
    opt(f.flags, f.help);
    if ('negated' in f) opt(`--no-${f.key}`, f.negated);
    if (f.key === 'release') {
      opt('--values-file <path>', 'the override file to read and write (default: ./<release>.<namespace>.values.yaml)');
      opt('--output-dir <dir>', 'render: manifests folder (default: ./<release>.<namespace>.manifests/, replaced)');
    }
  }
  opt('--answers <file>', 'YAML answers keyed by the long flag names (db-host: …)');
  opt('--reset', 'forget the answers remembered in the values file (it is kept as .bak)');
  opt('-y, --yes', 'take the defaults for every remaining answer; confirm prod in CI');
  opt('--plain', 'line prompts instead of the full-screen wizard (screen readers, dumb terminals)');
  opt('--json', 'NDJSON events on stdout instead of a UI; never prompts');
  opt('--kube-context <name>', 'kubeconfig context to use');
  opt('--kubeconfig <path>', 'kubeconfig file');
  p.addOption(new Option('--set <key=value>', 'pass-through to helm (repeatable; not saved)').argParser(collect));
  p.addOption(
    new Option('-f, --values <file>', 'extra values file for helm (repeatable; not saved)').argParser(collect),
  );
  opt('--chart <path>', 'chart directory (default: the bundled flask-app/)');
  opt('--dry-run', 'show what would happen; change nothing in the cluster');
  p.addOption(new Option('--timeout <duration>', 'helm timeout, e.g. 5m').default('5m'));
  opt('--db-password-stdin', 'read the database password from stdin (install creates the Secret)');
  opt('--redis-password-stdin', 'read the Redis password from stdin (after the database one, on its own line)');
  opt('--verbose', 'print each helm/kubectl command');
  opt('--helm-binary <path>', 'helm to use (default: FHW_HELM, PATH, then .cache/bin/helm)');
  opt('--kubectl-binary <path>', 'kubectl to use (default: FHW_KUBECTL, PATH, then .cache/bin/kubectl)');
  opt('--revision <n>', 'rollback: revision to return to');
  opt('--port-forward', 'install: keep the port-forward open until Ctrl-C');
  opt('--no-verify', 'install: skip helm test and the /health check through a port-forward (like bare helm --wait)');
  opt('--load-image', 'install: on a local cluster, build the default app image and load it (no question)');
  opt('--no-load-image', 'install: never build or load the app image');
  opt('--delete-data', "uninstall: also delete the release's PersistentVolumeClaims");
  opt('--port <n>', 'port-forward: preferred local port (default 8080)');
  return p;
}

/** Parses argv (without node and script); usage errors become exit-2 UserErrors. */
export function parseArgs(argv: readonly string[], version: string, write: (s: string) => void): ParsedArgs | 'done' {
  const program = buildProgram(version);
  let errText = '';
  program.exitOverride().configureOutput({
    writeOut: write,
    writeErr: (s) => {
      errText += s;
    },
  });
  try {
    program.parse(argv as string[], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') {
        return 'done';
      }
      const message = (errText || e.message).replace(/^error:\s*/i, '').trim();
      throw new UserError({ message, hint: hintFor(e.code) }, 2);
    }
    throw e;
  }
  const command = (program.args[0] ?? 'install') as string;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UserError(
      { message: `unknown command "${command}"`, hint: `use one of: ${COMMANDS.join(', ')} (see --help)` },
      2,
    );
  }
  const options = program.opts<CliOptions>();
  // Repeatable options start empty (no commander default: it would print as `[]` in --help).
  return {
    command: command as CommandName,
    options: { ...options, set: options.set ?? [], values: options.values ?? [] },
  };
}

function hintFor(code: string): string {
  switch (code) {
    case 'commander.unknownOption':
      return 'check the spelling; flask-helm-wizard --help lists every option';
    case 'commander.optionMissingArgument':
      return 'give the option a value, e.g. --namespace dev-flask-app';
    case 'commander.excessArguments':
      return 'give at most one command (install, render, …) and put values after their option';
    default:
      return 'see flask-helm-wizard --help';
  }
}

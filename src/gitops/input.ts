// The generator's own input: everything a GitOps export needs, and nothing from the
// rest of src/ (the CLI maps its resolved answers onto this shape), so the export
// folder can be produced and tested without the wizard.

export type GitOpsTool = 'flux' | 'argocd';
export type Environment = 'dev' | 'staging' | 'prod';

/** Where the controller takes the chart from. */
export type ChartSource =
  | {
      kind: 'oci';
      /** `oci://host[:port]/path/flask-app` (the chart name is the last segment). */
      ref: string;
      version: string;
      /** Existing `kubernetes.io/dockerconfigjson` Secret with the registry login. */
      pullSecret?: string;
      /** Existing Secret with `ca.crt` for a registry behind a private CA. */
      caSecret?: string;
    }
  | {
      kind: 'git';
      /** Chart directory inside the same git repository, e.g. `flask-app`. */
      path: string;
    };

/** The git repository the export folder is committed to. */
export interface GitRepo {
  url: string;
  /** Branch the controllers follow, e.g. `main`. */
  revision: string;
  /** The export folder inside the repository, e.g. `deploy/prod`. */
  path: string;
  /** Existing Secret with the git credentials (Flux GitRepository `secretRef`). */
  secret?: string;
}

export interface GitOpsInput {
  tool: GitOpsTool;
  environment: Environment;
  namespace: string;
  release: string;
  chart: ChartSource;
  /** File name of the wizard's override file inside the export folder. */
  overrideFile: string;
  /** Secrets the values name (database, Redis, TLS): they must exist, never inlined. */
  existingSecrets: string[];
  /** Helm timeout, a Go duration such as `5m`. */
  timeout: string;
  /** Install and upgrade remediation retries. */
  retries: number;
  git: GitRepo;
  /** Argo CD project and the namespace Argo CD runs in (defaults `default`, `argocd`). */
  argocd?: { project?: string; namespace?: string };
}

/** The chart's own environment file, copied beside the override file. */
export function envValuesFile(env: Environment): string {
  return `values-${env}.yaml`;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;

export interface InputProblem {
  field: string;
  message: string;
  hint: string;
}

/** Everything wrong with an input, so a caller can report all of it at once. */
export function checkInput(i: GitOpsInput): InputProblem[] {
  const out: InputProblem[] = [];
  const bad = (field: string, message: string, hint: string) => out.push({ field, message, hint });
  if (!DNS_LABEL.test(i.namespace) || i.namespace.length > 63)
    bad('namespace', `"${i.namespace}" is not a namespace name`, 'use lower-case letters, digits and "-"');
  if (!DNS_LABEL.test(i.release) || i.release.length > 53)
    bad('release', `"${i.release}" is not a release name`, 'use lower-case letters, digits and "-", at most 53');
  if (i.chart.kind === 'oci') {
    if (!/^oci:\/\/[^/\s]+(\/[^/\s]+)+$/.test(i.chart.ref))
      bad(
        'chart',
        `"${i.chart.ref}" is not an oci:// chart reference`,
        'e.g. oci://registry.example.com/charts/flask-app',
      );
    if (!/^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$/.test(i.chart.version))
      bad('chart-version', `"${i.chart.version}" is not a chart version`, 'a SemVer such as 0.1.0');
  } else if (i.chart.path === '' || i.chart.path.startsWith('/') || i.chart.path.split('/').includes('..')) {
    bad('chart', `"${i.chart.path}" is not a path inside the repository`, 'a relative path such as flask-app');
  }
  if (!/^[A-Za-z0-9._-]+\.ya?ml$/.test(i.overrideFile) || i.overrideFile === envValuesFile(i.environment))
    bad('override-file', `"${i.overrideFile}" cannot be the override file's name`, 'a plain file name ending in .yaml');
  if (!DURATION.test(i.timeout)) bad('timeout', `"${i.timeout}" is not a duration`, 'e.g. 5m or 90s');
  if (!Number.isInteger(i.retries) || i.retries < 0 || i.retries > 20)
    bad('retries', `${i.retries} is not a retry count`, 'a whole number from 0 to 20');
  if (i.git.url === '') bad('git-url', 'the git repository URL is empty', 'the URL the controllers clone');
  if (i.git.path.startsWith('/') || i.git.path.split('/').includes('..'))
    bad('git-path', `"${i.git.path}" is not a path inside the repository`, 'e.g. deploy/prod');
  for (const s of i.existingSecrets)
    if (!DNS_LABEL.test(s))
      bad('existing-secrets', `"${s}" is not a Secret name`, 'the name of a Secret in the namespace');
  return out;
}

// The export folder's README: what each file is, how to commit and bootstrap it,
// and how to re-export. Only the part between the markers is ours; text a team adds
// around it survives a re-export.
import { sourceFile } from './flux.js';
import { envValuesFile, type GitOpsInput } from './input.js';

export const README_BEGIN = '<!-- flask-helm-wizard export: begin (re-export rewrites this part) -->';
export const README_END = '<!-- flask-helm-wizard export: end -->';

function fileTable(i: GitOpsInput): string[] {
  const env = envValuesFile(i.environment);
  const rows: [string, string][] = [
    [env, `copy of the chart's \`${env}\` (chart ${chartLabel(i)}); helm layers it first — do not edit, re-export`],
    [
      i.overrideFile,
      "the wizard's override file, layered second; edit it (or re-run the wizard) to change the release",
    ],
  ];
  if (i.tool === 'flux') {
    rows.push(
      [
        sourceFile(i),
        i.chart.kind === 'oci'
          ? 'Flux OCIRepository: where the chart comes from'
          : 'Flux GitRepository: this repository, holding the chart',
      ],
      ['helmrelease.yaml', 'Flux HelmRelease: chart, values order, timeout, remediation (rollback), drift detection'],
      ['kustomization.yaml', 'generates one ConfigMap per values file (hashed names) and applies the objects above'],
      ['kustomizeconfig.yaml', 'lets kustomize rewrite the hashed ConfigMap names inside the HelmRelease'],
    );
  } else {
    rows.push(
      ['application.yaml', 'Argo CD Application: the chart plus this repository as `$values`, sync policy'],
      ['kustomization.yaml', 'applies application.yaml (`kubectl apply -k`)'],
    );
  }
  rows.push(['README.md', 'this file']);
  return ['| File | What it is |', '| --- | --- |', ...rows.map(([f, w]) => `| \`${f}\` | ${w} |`)];
}

function chartLabel(i: GitOpsInput): string {
  return i.chart.kind === 'oci' ? `${i.chart.ref} ${i.chart.version}` : i.chart.path;
}

function bootstrap(i: GitOpsInput): string[] {
  const secrets = i.existingSecrets.length
    ? [
        `The release reads these existing Secrets in namespace \`${i.namespace}\`; create them before the first`,
        `reconcile (they are referenced by name, never stored here): ${i.existingSecrets.map((s) => `\`${s}\``).join(', ')}.`,
        '',
      ]
    : [];
  const apply =
    i.tool === 'flux'
      ? [
          `Point a Flux \`Kustomization\` at \`./${i.git.path}\` of ${i.git.url} (branch ${i.git.revision}),`,
          'or apply it once by hand:',
          '',
          '```bash',
          `kubectl create namespace ${i.namespace}   # if it does not exist yet`,
          `kubectl apply -k ${i.git.path}`,
          `kubectl -n ${i.namespace} get helmrelease ${i.release} --watch`,
          '```',
        ]
      : [
          'Argo CD reads the values files from this repository, so commit and push before applying:',
          '',
          '```bash',
          `kubectl apply -k ${i.git.path}`,
          `kubectl -n ${i.argocd?.namespace ?? 'argocd'} get application ${i.release}-${i.namespace} --watch`,
          '```',
        ];
  return [
    '## Commit and bootstrap',
    '',
    '```bash',
    `git add ${i.git.path} && git commit -m "${i.release}: hand ${i.environment} to ${i.tool === 'flux' ? 'Flux' : 'Argo CD'}" && git push`,
    '```',
    '',
    ...secrets,
    ...apply,
  ];
}

export function readmeSection(i: GitOpsInput): string {
  const tool = i.tool === 'flux' ? 'Flux' : 'Argo CD';
  return [
    README_BEGIN,
    `# ${i.release} (${i.environment}) under ${tool}`,
    '',
    `Release \`${i.release}\` in namespace \`${i.namespace}\`, chart ${chartLabel(i)}. Values are layered in the order`,
    `every helm call of flask-helm-wizard uses: \`${envValuesFile(i.environment)}\`, then \`${i.overrideFile}\`.`,
    `The controller owns the release now: change it through git, not with \`helm upgrade\` (${tool} would undo it).`,
    '',
    ...fileTable(i),
    '',
    ...bootstrap(i),
    '',
    '## Re-export after the next wizard run',
    '',
    '```bash',
    `flask-helm-wizard export --gitops ${i.tool} -e ${i.environment} -n ${i.namespace} --output-dir ${i.git.path}`,
    '```',
    '',
    'Re-export is idempotent: unchanged files are not touched; a changed file keeps the keys and comments you',
    'added (the previous version is kept as `<file>.bak`), and this README keeps everything outside the markers.',
    README_END,
  ].join('\n');
}

/** Puts our section into an existing README, keeping whatever surrounds the markers. */
export function mergeReadme(existing: string | undefined, section: string): string {
  if (existing === undefined) return `${section}\n`;
  const b = existing.indexOf(README_BEGIN);
  const e = existing.indexOf(README_END);
  if (b === -1 || e < b) return `${section}\n\n${existing}`;
  return existing.slice(0, b) + section + existing.slice(e + README_END.length);
}

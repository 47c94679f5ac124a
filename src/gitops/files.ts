// The export folder as data: every file with how it is produced. Pure: the I/O
// module (write.ts) reads what is on disk and decides what changes.
import { application, argoKustomization } from './argocd.js';
import { fluxKustomization, fluxSource, helmRelease, kustomizeConfig, sourceFile } from './flux.js';
import { envValuesFile, type GitOpsInput } from './input.js';
import { readmeSection } from './readme.js';

export type ExportFile =
  /** Generated object, merged over an existing file so hand edits survive. */
  | { name: string; kind: 'yaml'; value: Record<string, unknown> }
  /** A values file copied verbatim (the chart's environment file, the override file). */
  | { name: string; kind: 'copy'; text: string }
  /** Our README section, merged between its markers. */
  | { name: string; kind: 'readme'; section: string };

export interface ValuesTexts {
  /** The chart's `values-<env>.yaml` at the exported version. */
  envValues: string;
  /** The wizard's override file. */
  override: string;
}

export const YAML_HEADER = (i: GitOpsInput): string =>
  [
    ` Written by flask-helm-wizard export --gitops ${i.tool} (release ${i.release}, namespace ${i.namespace}).`,
    ' Re-export rewrites the fields it generates and keeps keys and comments you add.',
  ].join('\n');

export function exportFiles(i: GitOpsInput, values: ValuesTexts): ExportFile[] {
  const copies: ExportFile[] = [
    { name: envValuesFile(i.environment), kind: 'copy', text: values.envValues },
    { name: i.overrideFile, kind: 'copy', text: values.override },
  ];
  const defs: ExportFile[] =
    i.tool === 'flux'
      ? [
          { name: sourceFile(i), kind: 'yaml', value: fluxSource(i) },
          { name: 'helmrelease.yaml', kind: 'yaml', value: helmRelease(i) },
          { name: 'kustomization.yaml', kind: 'yaml', value: fluxKustomization(i) },
          { name: 'kustomizeconfig.yaml', kind: 'yaml', value: kustomizeConfig() },
        ]
      : [
          { name: 'application.yaml', kind: 'yaml', value: application(i) },
          { name: 'kustomization.yaml', kind: 'yaml', value: argoKustomization() },
        ];
  return [...copies, ...defs, { name: 'README.md', kind: 'readme', section: readmeSection(i) }];
}

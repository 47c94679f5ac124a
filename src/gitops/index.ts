// GitOps export: the folder a team commits to hand a release to Flux or Argo CD.
// Self-contained on purpose (only `yaml` and node builtins): the CLI maps its
// answers onto GitOpsInput and calls writeExport.
export { application } from './argocd.js';
export { type ExportFile, exportFiles, type ValuesTexts } from './files.js';
export { fluxKustomization, fluxSource, helmRelease, valuesConfigMaps } from './flux.js';
export * from './input.js';
export { type GitOpsOwner, gitopsOwner, type ObjectMeta, ownedRefusal } from './owner.js';
export { ExportError, type ExportResult, writeExport } from './write.js';

// GitOps export: the folder a team commits to hand a release to Flux or Argo CD.
// Pure apart from write.ts, which writes through the project's one atomic writer
// (values/io): the CLI maps its answers onto GitOpsInput and calls writeExport.
export { application } from './argocd.js';
export { type ExportFile, exportFiles, type ValuesTexts } from './files.js';
export { fluxKustomization, fluxSource, helmRelease, valuesConfigMaps } from './flux.js';
export * from './input.js';
export { type GitOpsOwner, gitopsOwner, type ObjectMeta, ownedRefusal } from './owner.js';
export { ExportError, type ExportResult, writeExport } from './write.js';

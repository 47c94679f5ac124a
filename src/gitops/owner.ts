// Who owns a release once it is handed off: helm-controller stamps every object of a
// HelmRelease with origin labels, Argo CD with its tracking annotation. `upgrade`,
// `rollback` and `uninstall` read them from the release's objects and refuse a manual
// change a controller would undo. Pure: the caller fetches the metadata.

export interface ObjectMeta {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export type GitOpsOwner =
  | { tool: 'flux'; name: string; namespace: string }
  | { tool: 'argocd'; application: string; namespace?: string };

export const FLUX_NAME_LABEL = 'helm.toolkit.fluxcd.io/name';
export const FLUX_NAMESPACE_LABEL = 'helm.toolkit.fluxcd.io/namespace';
/** Argo CD's default (annotation) tracking: `<app>:<group>/<kind>:<namespace>/<name>`. */
export const ARGO_TRACKING_ANNOTATION = 'argocd.argoproj.io/tracking-id';
/** Label tracking when a team sets `application.resourceTrackingMethod: label` with this key. */
export const ARGO_INSTANCE_LABEL = 'argocd.argoproj.io/instance';

export function gitopsOwner(meta: ObjectMeta): GitOpsOwner | undefined {
  const labels = meta.labels ?? {};
  const name = labels[FLUX_NAME_LABEL];
  const namespace = labels[FLUX_NAMESPACE_LABEL];
  if (name && namespace) return { tool: 'flux', name, namespace };
  const tracking = meta.annotations?.[ARGO_TRACKING_ANNOTATION];
  if (tracking) {
    // The application part may be `<argocd namespace>_<app>` (apps in any namespace).
    const app = tracking.split(':')[0] ?? '';
    const cut = app.indexOf('_');
    if (app !== '')
      return cut === -1
        ? { tool: 'argocd', application: app }
        : { tool: 'argocd', application: app.slice(cut + 1), namespace: app.slice(0, cut) };
  }
  const instance = labels[ARGO_INSTANCE_LABEL];
  if (instance) return { tool: 'argocd', application: instance };
  return undefined;
}

/** The exit-2 message for a manual `action` on an owned release, and what to do instead. */
export function ownedRefusal(
  owner: GitOpsOwner,
  action: 'upgrade' | 'rollback' | 'uninstall',
  valuesFile: string,
): { message: string; hint: string } {
  const who =
    owner.tool === 'flux'
      ? `Flux HelmRelease ${owner.namespace}/${owner.name}`
      : `Argo CD Application ${owner.namespace ? `${owner.namespace}/` : ''}${owner.application}`;
  const how =
    action === 'uninstall'
      ? `remove the ${owner.tool === 'flux' ? 'HelmRelease' : 'Application'} from git instead`
      : `change ${valuesFile} in git and let the controller reconcile (re-export with flask-helm-wizard export --gitops ${owner.tool})`;
  return {
    message: `this release is owned by the ${who}; a manual ${action} would be undone by the controller`,
    hint: `${how}, or pass --force-manual to ${action} anyway`,
  };
}

// From the CLI's requests (src/cli/context.ts) to the pipeline's own inputs: the
// ReleasePlan and the preflight needs. Pure.
import { join } from 'node:path';
import type { Answers } from '../../domain/answers.js';
import { LOCAL_IMAGE } from '../../domain/presets.js';
import type { Toolchain } from '../../kube/toolchain.js';
import type { ReleasePlan, SecretToCreate } from '../../pipelines/plan.js';
import type { PreflightNeeds } from '../../rollout/preflight-checks.js';
import type { InstallRequest } from '../context.js';

export function planFromInstall(r: InstallRequest, tools: Toolchain): ReleasePlan {
  const a = r.answers;
  return {
    environment: a.environment,
    namespace: a.namespace,
    release: a.release,
    chartDir: r.chartDir,
    values: {
      envValuesFile: join(r.chartDir, `values-${a.environment}.yaml`),
      overrideFile: r.valuesFile,
      extraFiles: r.extraValues,
      sets: r.sets,
    },
    overrideBefore: r.dryRun ? undefined : r.overrideBefore,
    timeout: r.timeout,
    helm: tools.helm,
    kubectl: tools.kubectl,
    secrets: secretsToCreate(r),
  };
}

export function secretsToCreate(r: Pick<InstallRequest, 'secrets'>): SecretToCreate[] {
  return [r.secrets.database, r.secrets.redis]
    .filter((s) => s !== undefined)
    .map((s) => ({ name: s.secretName, data: { [s.key]: s.password } }));
}

export function needsFromAnswers(a: Answers, created: readonly string[]): PreflightNeeds {
  const existing: string[] = [];
  if (a.database.mode === 'external') existing.push(a.database.secret);
  if (a.redis.mode === 'external' && a.redis.secret) existing.push(a.redis.secret);
  if (a.ingress.enabled && a.ingress.tls.mode === 'secret') existing.push(a.ingress.tls.secretName);
  const image = `${a.image.repository}:${a.image.tag}`;
  return {
    namespace: a.namespace,
    release: a.release,
    ingressClass: a.ingress.enabled ? a.ingress.className : undefined,
    clusterIssuer: a.ingress.enabled && a.ingress.tls.mode === 'cert-manager' ? a.ingress.tls.clusterIssuer : undefined,
    monitoring: a.monitoring,
    autoscaling: a.scaling.mode === 'autoscale',
    storage: a.storage.enabled ? { storageClass: a.storage.storageClass } : undefined,
    // Secrets the wizard is about to create need not exist yet.
    existingSecrets: existing.filter((s) => s && !created.includes(s)),
    image,
    localOnlyImage: image === LOCAL_IMAGE,
  };
}

// Environment, namespace, release, image; scaling, storage, monitoring.
import type { Environment } from '../../../domain/answers.js';
import { defaultNamespace, ENVIRONMENT_SUMMARY } from '../../../domain/presets.js';
import {
  checkNamespace,
  checkRelease,
  checkSize,
  parseAutoscale,
  parseImage,
  parseReplicas,
} from '../../../domain/validators.js';
import type { Draft } from '../draft.js';
import {
  boolDefault,
  checked,
  choice,
  defaultOf,
  envOf,
  parsedAs,
  type QuestionDef,
  type QuestionStep,
  resourceName,
  select,
  text,
  yesNo,
} from './types.js';

const imageText = (img: Draft['image']) => (img ? `${img.repository}:${img.tag}` : '');
const yes = (v: string) => v === 'yes';

export const BASIC_QUESTIONS: Partial<Record<QuestionStep, QuestionDef>> = {
  environment: {
    ask: (step, d, c) =>
      select(
        step,
        'Which environment is this?',
        'Sets sensible defaults for everything that follows; you can change each one.',
        (['dev', 'staging', 'prod'] as const).map((e) => ({ value: e, label: e, description: ENVIRONMENT_SUMMARY[e] })),
        defaultOf('environment', d, c),
      ),
    parse: choice('environment', (v) => v as Environment),
  },
  namespace: {
    ask: (step, d, c) =>
      text(
        step,
        'Namespace',
        'The Kubernetes namespace the app is installed into (created if missing).',
        defaultOf('namespace', d, c) ?? defaultNamespace(envOf(d)),
      ),
    parse: (input) => checked(checkNamespace(input), { namespace: input }),
  },
  release: {
    ask: (step, d, c) =>
      text(
        step,
        'Release name',
        'Helm tracks the installation under this name; keep the default unless you run several copies.',
        defaultOf('release', d, c),
      ),
    parse: (input) => checked(checkRelease(input), { release: input }),
  },
  image: {
    ask: (step, d, c) =>
      text(
        step,
        'Container image',
        'Which build of the Flask app to run, as REPOSITORY:TAG.',
        imageText(defaultOf('image', d, c)),
      ),
    parse: (input) => parsedAs(parseImage(input, 'latest'), (image) => ({ image })),
  },
  scaling: {
    ask: (step, d, c) =>
      select(
        step,
        'Scaling',
        'How many copies of the app run.',
        [
          { value: 'fixed', label: 'Fixed number of replicas', description: 'always the same number of pods' },
          { value: 'autoscale', label: 'Autoscale', description: 'grow and shrink with CPU and memory load' },
        ],
        defaultOf('scaling', d, c),
      ),
    parse: choice('scaling', (v) => v as 'fixed' | 'autoscale'),
  },
  replicas: {
    ask: (step, d, c) => text(step, 'Replicas', 'How many pods run at all times.', defaultOf('replicas', d, c)),
    parse: (input) => parsedAs(parseReplicas(input), (replicas) => ({ replicas })),
  },
  autoscale: {
    ask: (step, d, c) => {
      const range = defaultOf('autoscale', d, c);
      return text(
        step,
        'Autoscale range',
        'Fewest and most pods, as MIN:MAX.',
        range ? `${range.min}:${range.max}` : '2:10',
      );
    },
    parse: (input) => parsedAs(parseAutoscale(input), (autoscale) => ({ autoscale })),
  },
  storage: {
    ask: (step, d, c) =>
      select(
        step,
        'Model storage',
        'A persistent volume for ML model files, kept across restarts.',
        yesNo('mount a persistent volume at the model path', 'no volume; the model (if any) ships in the image'),
        boolDefault(defaultOf('storage', d, c)),
      ),
    parse: choice('storage', yes),
  },
  'storage-size': {
    ask: (step, d, c) =>
      text(step, 'Volume size', 'How much space the model volume gets, e.g. 10Gi.', defaultOf('storage-size', d, c)),
    parse: (input) => checked(checkSize(input), { 'storage-size': input }),
  },
  'storage-class': {
    ask: (step, d, c) =>
      text(
        step,
        'Storage class',
        'Which kind of disk to use; leave empty for the cluster default.',
        defaultOf('storage-class', d, c),
        true,
      ),
    parse: (input) =>
      input === ''
        ? checked(null, { 'storage-class': '' })
        : resourceName('storage-class', 'storage class name')(input),
  },
  monitoring: {
    ask: (step, d, c) =>
      select(
        step,
        'Monitoring',
        'A ServiceMonitor so Prometheus scrapes the app’s /metrics (needs the Prometheus operator).',
        yesNo('Prometheus scrapes the app', 'no ServiceMonitor'),
        boolDefault(defaultOf('monitoring', d, c)),
      ),
    parse: choice('monitoring', yes),
  },
};

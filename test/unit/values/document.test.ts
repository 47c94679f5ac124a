import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import type { Answers } from '../../../src/domain/answers.js';
import { valuesFor } from '../../../src/domain/to-values.js';
import { buildOverrideDocument, type HeaderInfo, overrideText } from '../../../src/values/document.js';
import { DEV_ANSWERS as dev } from '../../helpers/answers.js';

/** The override file's text for the answers, on top of an earlier text when given. */
const renderOverride = (h: HeaderInfo, existingText?: string) =>
  overrideText(buildOverrideDocument(h, existingText === undefined ? undefined : parseDocument(existingText)));

const header = (answers: Answers) => ({
  answers,
  valuesPath: './flask-app.dev-flask-app.values.yaml',
  chart: 'flask-app',
});

describe('a fresh override file', () => {
  const text = renderOverride(header(dev));

  it('holds exactly the values of the answers', () => expect(parse(text)).toEqual(valuesFor(dev)));

  it('opens with a header giving the helm command with both -f files', () => {
    expect(text.split('\n')[0]).toBe(
      '# flask-helm-wizard values override: release flask-app, namespace dev-flask-app, environment dev.',
    );
    expect(text).toContain(
      '#   helm upgrade --install flask-app flask-app -n dev-flask-app -f flask-app/values-dev.yaml -f ./flask-app.dev-flask-app.values.yaml',
    );
  });

  it('puts a comment naming its answer above every key', () => {
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      if (/^\s*[A-Za-z][\w.-]*:/.test(line)) {
        const above = lines[i - 1] ?? '';
        expect(above, `comment above "${line}"`).toMatch(/^\s*# /);
      }
    }
    expect(text).toContain('  # image tag (answer: --image flask-app:dev)\n  tag: dev');
  });
});

describe('re-running on an existing file', () => {
  const first = renderOverride(header(dev));
  const edited = first
    .replace('image:\n', 'image:\n  # pull from the local registry mirror\n  pullPolicy: Always\n')
    .concat('\n# my own block\npodLabels:\n  team: payments # who to call\n');
  const prod: Answers = {
    ...dev,
    image: { repository: 'flask-app', tag: '2.0' },
    database: { mode: 'external', host: 'db.internal', port: 5432, name: 'app', user: 'app', secret: 'db' },
    scaling: { mode: 'autoscale', min: 2, max: 4 },
  };
  const second = renderOverride(header(prod), edited);
  const values = parse(second) as Record<string, unknown>;

  it('keeps keys the user added, with their comments', () => {
    expect(values.podLabels).toEqual({ team: 'payments' });
    expect(values.image).toEqual({ pullPolicy: 'Always', repository: 'flask-app', tag: '2.0' });
    expect(second).toContain('# pull from the local registry mirror');
    expect(second).toContain('# my own block');
    expect(second).toContain('team: payments # who to call');
  });

  it('rewrites the keys the answers own and drops the ones they no longer set', () => {
    expect(values.replicaCount).toBeUndefined();
    expect(values.autoscaling).toEqual({ enabled: true, minReplicas: 2, maxReplicas: 4 });
    expect(values.database).toMatchObject({ host: 'db.internal', existingSecret: 'db' });
    expect(second).toContain('(answer: --image flask-app:2.0)');
    expect(second).not.toContain('(answer: --image flask-app:dev)');
    expect(second).not.toContain('(answer: --replicas 1)');
  });

  it('does not duplicate comments when run again with the same answers', () => {
    const third = renderOverride(header(prod), second);
    expect(third).toBe(second);
  });
});

import { describe, expect, it } from 'vitest';
import {
  checkHostname,
  checkNamespace,
  checkPgName,
  checkRelease,
  checkResourceName,
  checkServiceHost,
  checkSize,
  isProblem,
  parseAutoscale,
  parseImage,
  parsePort,
  parseReplicas,
} from '../../../src/domain/validators.js';

describe('namespace (DNS-1123 label)', () => {
  it.each(['dev-flask-app', 'a', 'x1', 'a'.repeat(63)])('accepts %s', (v) => expect(checkNamespace(v)).toBeNull());
  it.each(['Bad_NS', '', '-lead', 'trail-', 'UPPER', 'dots.not.allowed', 'a'.repeat(64)])('rejects %j', (v) => {
    const p = checkNamespace(v);
    expect(p).not.toBeNull();
    expect(p?.hint).toMatch(/lowercase letters a-z, digits 0-9 and "-"/);
  });
});

describe('release name', () => {
  it.each(['flask-app', 'web1'])('accepts %s', (v) => expect(checkRelease(v)).toBeNull());
  it.each(['Flask', 'a'.repeat(54), 'under_score', ''])('rejects %j with the 53-character rule', (v) => {
    expect(checkRelease(v)?.hint).toMatch(/at most 53 characters/);
  });
});

describe('resource names', () => {
  it('accepts DNS-1123 subdomains', () =>
    expect(checkResourceName('letsencrypt.prod-1', 'ClusterIssuer name')).toBeNull());
  it('rejects capitals and names the kind', () =>
    expect(checkResourceName('My_Secret', 'Secret name')?.message).toMatch(/not a valid Secret name/));
});

describe('PostgreSQL names (database and user)', () => {
  it.each(['flask_app', 'App', '_x', 'a$b-c'])('accepts %s', (v) => expect(checkPgName(v, 'database name')).toBeNull());
  it.each(['1db', 'has space', '', 'a'.repeat(64)])('rejects %j and says which name', (v) => {
    const p = checkPgName(v, 'database user');
    expect(p?.message).toMatch(/is not a valid database user$/);
    expect(p?.hint).toMatch(/not starting with a digit/);
  });
});

describe('hostnames', () => {
  it.each(['app.example.com', '*.example.com', 'a-b.c.io'])('accepts %s', (v) => expect(checkHostname(v)).toBeNull());
  it.each(['https://app.example.com', 'app.example.com:443', 'localhost', 'app..com', 'App_1.example.com', 'a.*.com'])(
    'rejects %s',
    (v) => expect(checkHostname(v)?.hint).toMatch(/no scheme, port or path/),
  );
});

describe('service hosts (database/redis)', () => {
  it.each(['db.internal', 'postgres', '10.0.0.12', 'pg.db.svc.cluster.local'])('accepts %s', (v) =>
    expect(checkServiceHost(v)).toBeNull(),
  );
  it.each(['300.1.1.1', 'db host', 'postgres://db', ''])('rejects %j', (v) =>
    expect(checkServiceHost(v)).not.toBeNull(),
  );
});

describe('image references', () => {
  it('splits repository and tag', () => {
    expect(parseImage('ghcr.io/acme/flask-app:1.4.2', 'latest')).toEqual({
      repository: 'ghcr.io/acme/flask-app',
      tag: '1.4.2',
    });
  });
  it('keeps a registry port in the repository and defaults the tag', () => {
    expect(parseImage('localhost:5000/flask-app', 'dev')).toEqual({
      repository: 'localhost:5000/flask-app',
      tag: 'dev',
    });
  });
  it.each(['Flask-App:1', 'acme/app@sha256:abc', 'acme/app:', 'acme//app', 'acme/app:bad tag', ''])(
    'rejects %j',
    (v) => {
      const p = parseImage(v, 'latest');
      expect('hint' in p ? p.hint : undefined).toMatch(/REPOSITORY\[:TAG\]/);
    },
  );
});

describe('numbers', () => {
  it('ports are 1-65535', () => {
    expect(parsePort('5432')).toBe(5432);
    expect(parsePort(6379)).toBe(6379);
    for (const bad of ['0', '65536', 'abc', '54.3', -1]) expect(isProblem(parsePort(bad))).toBe(true);
  });
  it('replicas are 1-1000', () => {
    expect(parseReplicas('3')).toBe(3);
    for (const bad of ['0', '1001', 'two', 1.5]) expect(isProblem(parseReplicas(bad))).toBe(true);
  });
  it('autoscale is MIN:MAX with MIN ≤ MAX', () => {
    expect(parseAutoscale('3:20')).toEqual({ min: 3, max: 20 });
    expect(parseAutoscale(' 2 : 2 ')).toEqual({ min: 2, max: 2 });
    const reversed = parseAutoscale('20:3');
    expect(isProblem(reversed) && reversed.message).toMatch(/MIN 20 is greater than MAX 3/);
    for (const bad of ['3-20', '0:5', '3:', '1:1001', 'x:y']) expect(isProblem(parseAutoscale(bad))).toBe(true);
  });
});

describe('sizes', () => {
  it.each(['10Gi', '500Mi', '1Ti'])('accepts %s', (v) => expect(checkSize(v)).toBeNull());
  it.each(['10G', '10', '0Gi', '1.5Gi', 'ten'])('rejects %s with an example', (v) =>
    expect(checkSize(v)?.hint).toMatch(/10Gi/),
  );
});

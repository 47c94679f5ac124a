import { describe, expect, it } from 'vitest';
import { kubectl } from '../../../src/kube/kubectl-args.js';

const k = { path: '/bin/kubectl', kubeContext: 'dev', kubeconfig: '/tmp/kc' };

describe('kubectl builders', () => {
  it('puts context and kubeconfig first, and bounds API calls', () => {
    expect(kubectl.objects(k, 'ns', ['pods'], 'app.kubernetes.io/instance=flask-app')).toEqual({
      cmd: '/bin/kubectl',
      args: [
        '--context',
        'dev',
        '--kubeconfig',
        '/tmp/kc',
        'get',
        'pods',
        '--namespace',
        'ns',
        '--selector',
        'app.kubernetes.io/instance=flask-app',
        '--output',
        'json',
        '--request-timeout=10s',
      ],
    });
  });
  it('port-forward binds to loopback only', () => {
    expect(kubectl.portForward({ path: 'kubectl' }, 'ns', 'service/flask-app', 8080, 'http').args).toEqual([
      'port-forward',
      'service/flask-app',
      '8080:http',
      '--namespace',
      'ns',
      '--address',
      '127.0.0.1',
    ]);
  });
  it('secrets are applied from stdin, never from argv', () => {
    expect(kubectl.applyStdin({ path: 'kubectl' }, 'ns').args).toContain('-');
  });
  it('existence checks print only names', () => {
    expect(kubectl.getNamed({ path: 'kubectl' }, 'secret', 'db', 'ns').args.join(' ')).toContain(
      'get secret db --namespace ns --output name --ignore-not-found',
    );
  });
  it('logs: tail, container and previous', () => {
    expect(kubectl.logs({ path: 'kubectl' }, 'ns', 'p', { container: 'app', tail: 20, previous: true }).args).toEqual([
      'logs',
      'p',
      '--namespace',
      'ns',
      '--container',
      'app',
      '--tail',
      '20',
      '--previous',
      '--request-timeout=10s',
    ]);
  });
});

// One real-terminal walk (tmux) of the interactive wizard end to end on the control
// plane: answers (every default, Enter by Enter) → Review → install on the Ink run
// screen → the health-checked URL shown and answering → Ctrl-C stops the forward.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteNamespace,
  helmBinary,
  KUBECONFIG,
  KUBECTL,
  namespaceName,
  REPO,
  requireCluster,
  waitFor,
} from './helpers/index.js';

const CLI = process.env.FHW_E2E_CLI ?? path.join(REPO, 'bin', 'flask-helm-wizard.js');
const session = `fhw-pty-${process.pid}`;
const tmux = (...args: string[]) => execa('tmux', args, { reject: false });
const screen = async () => (await tmux('capture-pane', '-p', '-S', '-200', '-t', session)).stdout;

describe('interactive wizard in a real terminal (tmux)', () => {
  const ns = namespaceName('wiz-pty');
  beforeAll(async () => {
    requireCluster();
    const cwd = mkdtempSync(path.join(tmpdir(), 'fhw-pty-'));
    const cmd = [
      // Without CI in the environment: with CI set the CLI goes headless.
      'env -u CI NO_COLOR=1',
      `node ${CLI} install -e dev -n ${ns}`,
      `--helm-binary ${helmBinary(4)} --kubectl-binary ${KUBECTL} --kubeconfig ${KUBECONFIG}`,
      '; echo "EXIT=$?"; sleep 300',
    ].join(' ');
    const r = await tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '50', '-c', cwd, `bash -c '${cmd}'`);
    expect(r.exitCode, r.stderr).toBe(0);
  });
  afterAll(async () => {
    await tmux('kill-session', '-t', session);
    await deleteNamespace(ns);
  });

  it('answers → install → URL shown and answering /health', async () => {
    await waitFor(
      'the first wizard screen',
      async () => ((await screen()).includes('Before we start') ? true : undefined),
      {
        timeoutMs: 30_000,
      },
    );
    // Enter takes each default until the run screen (its title) appears.
    await waitFor(
      'the run screen',
      async () => {
        const s = await screen();
        if (s.includes(`install flask-app → ${ns}`)) return true;
        await tmux('send-keys', '-t', session, 'Enter');
        return undefined;
      },
      { timeoutMs: 120_000, intervalMs: 700 },
    );
    const url = await waitFor(
      'the URL',
      async () => /● forwarding (http:\/\/127\.0\.0\.1:\d+)/.exec(await screen())?.[1],
      {
        timeoutMs: 120_000,
      },
    );
    const s = await screen();
    expect(s).toContain('✔ Preflight checks');
    expect(s).toContain('✔ helm test');
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3000) });
    expect(res.status).toBe(200);
    await tmux('send-keys', '-t', session, 'C-c');
    const end = await waitFor('the exit', async () => /EXIT=(\d+)/.exec(await screen())?.[1], { timeoutMs: 30_000 });
    expect(await screen()).toContain(`restart it with: flask-helm-wizard port-forward -n ${ns} -r flask-app`);
    expect(['0', '130']).toContain(end);
  });
});

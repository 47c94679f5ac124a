import { Box, Text } from 'ink';
import { KeyHints } from '../components/key-hints.js';
import { Select } from '../components/select/select.js';
import { Spinner } from '../components/spinner.js';
import { SYMBOL } from '../components/theme.js';
import type { PreflightFacts } from '../wizard/contract.js';
import { preflightChoices } from '../wizard/preflight.js';
import type { PreflightChoice } from '../wizard/wizard-state.js';

export interface PreflightScreenProps {
  /** undefined while helm, kubectl and the cluster are still being asked. */
  facts: PreflightFacts | undefined;
  purpose: 'install' | 'render';
  onChoose: (choice: PreflightChoice) => void;
}

const CHECKING = 'checking…';

function Fact({ label, value, bad = false }: { label: string; value: string | undefined; bad?: boolean }) {
  return (
    <Box>
      <Box width={14}>
        <Text dimColor>{label}</Text>
      </Box>
      {value === undefined ? <Spinner label={CHECKING} /> : <Text {...(bad ? { color: 'yellow' } : {})}>{value}</Text>}
    </Box>
  );
}

function reachability(facts: PreflightFacts): string {
  return facts.reachable
    ? `${SYMBOL.ok} reachable${facts.serverVersion ? ` (Kubernetes ${facts.serverVersion})` : ''}`
    : `${SYMBOL.error} not reachable${facts.unreachableReason ? `: ${facts.unreachableReason}` : ''}`;
}

/** Which cluster is about to be touched, whether it answers, and the tool versions. */
export function PreflightScreen({ facts, purpose, onChoose }: PreflightScreenProps) {
  const choices = preflightChoices(facts, purpose);
  return (
    <Box flexDirection="column">
      <Fact
        label="kube context"
        value={facts && (facts.context ?? '(none — no kubeconfig or no current context)')}
        bad={facts !== undefined && !facts.context}
      />
      {facts?.server ? <Fact label="API server" value={facts.server} /> : null}
      <Fact label="cluster" value={facts && reachability(facts)} bad={facts !== undefined && !facts.reachable} />
      <Fact
        label="helm"
        value={facts && (facts.helmVersion ?? `${SYMBOL.error} not found (install helm 3 or 4, or pass --helm-binary)`)}
        bad={facts !== undefined && !facts.helmVersion}
      />
      <Fact
        label="kubectl"
        value={
          facts && (facts.kubectlVersion ?? `${SYMBOL.error} not found (install kubectl, or pass --kubectl-binary)`)
        }
        bad={facts !== undefined && !facts.kubectlVersion}
      />
      {facts && !facts.reachable && purpose === 'install' ? (
        <Box marginTop={1}>
          <Text>
            No cluster answers. You can still render: the values file and the manifests land in a folder, with the helm
            command to install them later.
          </Text>
        </Box>
      ) : null}
      <Box marginTop={1}>
        {choices ? (
          <Select
            choices={choices}
            defaultValue={choices[0]?.value ?? 'continue'}
            onSubmit={(v) => onChoose(v as PreflightChoice)}
          />
        ) : (
          <Text dimColor>What you can do next depends on whether the cluster answers: one moment.</Text>
        )}
      </Box>
      <KeyHints kind={choices ? 'select' : 'waiting'} first />
    </Box>
  );
}

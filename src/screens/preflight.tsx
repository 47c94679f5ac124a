import { Box, Text } from 'ink';
import type { Choice } from '../app/questions.js';
import type { PreflightChoice } from '../app/wizard-state.js';
import { KeyHints } from '../components/key-hints.js';
import { Select } from '../components/select/select.js';
import { SYMBOL } from '../components/theme.js';
import type { PreflightFacts } from './wizard-contract.js';

export interface PreflightScreenProps {
  facts: PreflightFacts;
  purpose: 'install' | 'render';
  onChoose: (choice: PreflightChoice) => void;
}

/** The choices after the facts: with no cluster, rendering offline comes first. */
export function preflightChoices(facts: PreflightFacts, purpose: 'install' | 'render'): Choice[] {
  const quit: Choice = { value: 'quit', label: 'Quit', description: 'leave without writing anything' };
  if (purpose === 'render') {
    return [
      { value: 'continue', label: 'Continue', description: 'answer the questions, then write values and manifests' },
      quit,
    ];
  }
  if (!facts.reachable) {
    return [
      {
        value: 'render-only',
        label: 'Render only',
        description: 'write the values file and manifests to a folder; touch no cluster',
      },
      {
        value: 'continue',
        label: 'Continue anyway',
        description: 'plan an install; it runs only if the cluster answers',
      },
      quit,
    ];
  }
  return [
    { value: 'continue', label: 'Continue', description: 'answer the questions; nothing changes before Review' },
    quit,
  ];
}

function Fact({ label, value, bad = false }: { label: string; value: string; bad?: boolean }) {
  return (
    <Box>
      <Box width={14}>
        <Text dimColor>{label}</Text>
      </Box>
      <Text {...(bad ? { color: 'yellow' } : {})}>{value}</Text>
    </Box>
  );
}

/** Which cluster is about to be touched, whether it answers, and the tool versions. */
export function PreflightScreen({ facts, purpose, onChoose }: PreflightScreenProps) {
  const reach = facts.reachable
    ? `${SYMBOL.ok} reachable${facts.serverVersion ? ` (Kubernetes ${facts.serverVersion})` : ''}`
    : `${SYMBOL.error} not reachable${facts.unreachableReason ? `: ${facts.unreachableReason}` : ''}`;
  const choices = preflightChoices(facts, purpose);
  return (
    <Box flexDirection="column">
      <Fact
        label="kube context"
        value={facts.context ?? '(none — no kubeconfig or no current context)'}
        bad={!facts.context}
      />
      {facts.server ? <Fact label="API server" value={facts.server} /> : null}
      <Fact label="cluster" value={reach} bad={!facts.reachable} />
      <Fact
        label="helm"
        value={facts.helmVersion ?? `${SYMBOL.error} not found (install helm 3 or 4, or pass --helm-binary)`}
        bad={!facts.helmVersion}
      />
      <Fact
        label="kubectl"
        value={facts.kubectlVersion ?? `${SYMBOL.error} not found (install kubectl, or pass --kubectl-binary)`}
        bad={!facts.kubectlVersion}
      />
      {!facts.reachable && purpose === 'install' ? (
        <Box marginTop={1}>
          <Text>
            No cluster answers. You can still render: the values file and the manifests land in a folder, with the helm
            command to install them later.
          </Text>
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Select
          choices={choices}
          defaultValue={choices[0]?.value ?? 'continue'}
          onSubmit={(v) => onChoose(v as PreflightChoice)}
        />
      </Box>
      <KeyHints kind="select" first />
    </Box>
  );
}

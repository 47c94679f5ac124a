import { Box, Text, useInput, useStdin, useStdout } from 'ink';
import { useState } from 'react';
import type { Problem } from '../../domain/validators.js';
import { InlineError } from '../components/inline-error.js';
import { KeyHints } from '../components/key-hints.js';
import { Select } from '../components/select/select.js';
import { Spinner } from '../components/spinner.js';
import { TextField } from '../components/text-field.js';
import type { Choice } from '../wizard/questions.js';
import type { ReviewChoice } from '../wizard/wizard-state.js';
import { clampOffset, type LineTone, reviewLines, windowHeight } from './review-lines.js';

export type ReviewBody =
  | { status: 'loading' }
  | { status: 'ready'; values: string }
  | { status: 'failed'; problem: Problem };

export interface ReviewScreenProps {
  body: ReviewBody;
  /** The answers in a few lines (answersSummary), above the file. */
  summary?: ReadonlyArray<readonly [string, string]> | undefined;
  /** Where the values file goes. */
  valuesPath?: string | undefined;
  /** What ends the wizard: installing, or writing files only. */
  action: 'install' | 'render';
  /** Prod: the namespace to type to confirm; null elsewhere. */
  confirmWord: string | null;
  error: Problem | null;
  onChoose: (choice: ReviewChoice, typed?: string) => void;
}

const TONE: Record<LineTone, { color?: string; dimColor?: boolean; bold?: boolean }> = {
  plain: {},
  comment: { dimColor: true },
};

// Rows taken by everything but the body (header, path, actions, hints, margins).
const CHROME = 16;
// Rows the summary block takes (8 lines and a margin) when it is shown.
const SUMMARY_ROWS = 9;
const MIN_FILE_ROWS = 12;

/** The values file exactly as it will be written, then confirm. */
export function ReviewScreen({ body, summary, valuesPath, action, confirmWord, error, onChoose }: ReviewScreenProps) {
  const { stdout } = useStdout();
  const [offset, setOffset] = useState(0);
  const lines = body.status === 'ready' ? reviewLines(body.values) : [];
  // In a short terminal the file itself matters more than the summary of it.
  const shownSummary =
    summary && windowHeight(stdout.rows, CHROME + SUMMARY_ROWS) >= MIN_FILE_ROWS ? summary : undefined;
  const height = windowHeight(stdout.rows, CHROME + (shownSummary ? SUMMARY_ROWS : 0));
  const top = clampOffset(offset, lines.length, height);
  const page = Number.isFinite(height) ? Math.max(1, height - 2) : lines.length;
  const { isRawModeSupported } = useStdin();
  useInput(
    (_input, key) => {
      if (key.pageDown) setOffset(clampOffset(top + page, lines.length, height));
      else if (key.pageUp) setOffset(clampOffset(top - page, lines.length, height));
    },
    { isActive: isRawModeSupported },
  );
  const shown = Number.isFinite(height) ? lines.slice(top, top + height) : lines;
  return (
    <Box flexDirection="column">
      {shownSummary ? <SummaryBlock rows={shownSummary} /> : null}
      <Text>
        The values file{valuesPath ? ` (${valuesPath})` : ''}, exactly as it will be written — it holds no secrets:
      </Text>
      {body.status === 'loading' ? <Spinner label="building the values file…" /> : null}
      {body.status === 'failed' ? <InlineError problem={body.problem} /> : null}
      {body.status === 'ready' ? (
        <Box flexDirection="column" borderStyle="single" borderDimColor paddingX={1}>
          {shown.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
            <Text key={top + i} {...TONE[l.tone]}>
              {l.text === '' ? ' ' : l.text}
            </Text>
          ))}
        </Box>
      ) : null}
      {shown.length < lines.length ? (
        <Text dimColor>
          lines {top + 1}–{top + shown.length} of {lines.length} · PgUp/PgDn to scroll
        </Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        {body.status === 'ready' ? (
          <ReviewActions
            valuesPath={valuesPath}
            action={action}
            confirmWord={confirmWord}
            error={error}
            onChoose={onChoose}
          />
        ) : (
          <Text dimColor>Esc goes back.</Text>
        )}
      </Box>
      <KeyHints kind={confirmWord !== null ? 'review-text' : 'review-select'} />
    </Box>
  );
}

function SummaryBlock({ rows }: { rows: ReadonlyArray<readonly [string, string]> }) {
  return (
    <Box flexDirection="column" marginBottom={1}>
      {rows.map(([label, value]) => (
        <Box key={label}>
          <Box width={14} flexShrink={0}>
            <Text dimColor>{label}</Text>
          </Box>
          <Text>{value}</Text>
        </Box>
      ))}
    </Box>
  );
}

/** Confirm, go back or quit; production asks for the namespace to be typed instead. */
function ReviewActions({
  valuesPath,
  action,
  confirmWord,
  error,
  onChoose,
}: Pick<ReviewScreenProps, 'valuesPath' | 'action' | 'confirmWord' | 'error' | 'onChoose'>) {
  if (confirmWord !== null) {
    return (
      <>
        <Text bold>
          Production: type the namespace <Text color="red">{confirmWord}</Text> to{' '}
          {action === 'install' ? 'install' : 'write the values and render manifests'}
        </Text>
        <TextField defaultValue="" error={error} onSubmit={(typed) => onChoose('confirm', typed)} />
      </>
    );
  }
  const verb =
    action === 'install' ? 'Write the values file and install' : 'Write the values file and render manifests';
  const choices: Choice[] = [
    { value: 'confirm', label: verb, description: valuesPath ? `writes ${valuesPath}` : 'writes the values file' },
    { value: 'back', label: 'Go back', description: 'change an answer (Esc does the same)' },
    { value: 'quit', label: 'Quit', description: 'leave without writing anything' },
  ];
  return (
    <>
      <Select choices={choices} defaultValue="confirm" onSubmit={(v) => onChoose(v as ReviewChoice)} />
      <InlineError problem={error} />
    </>
  );
}

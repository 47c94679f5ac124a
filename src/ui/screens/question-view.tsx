import { Box, Text } from 'ink';
import type { Problem } from '../../domain/validators.js';
import { InlineError } from '../components/inline-error.js';
import { KeyHints } from '../components/key-hints.js';
import { Select } from '../components/select/select.js';
import { TextField } from '../components/text-field.js';
import type { Question } from '../wizard/questions.js';

export interface QuestionViewProps {
  question: Question;
  error: Problem | null;
  onAnswer: (value: string) => void;
  /** True on the first question (Esc has nowhere to go). */
  first?: boolean;
  isActive?: boolean;
}

/** One question: prompt, one plain line of help, the input, its inline error, key hints. */
export function QuestionView({ question: q, error, onAnswer, first = false, isActive = true }: QuestionViewProps) {
  return (
    <Box flexDirection="column">
      <Text bold>{q.prompt}</Text>
      <Text dimColor>{q.help}</Text>
      <Box marginTop={1} flexDirection="column">
        {q.kind === 'select' ? (
          <>
            <Select
              key={q.step}
              choices={q.choices}
              defaultValue={q.defaultValue}
              onSubmit={onAnswer}
              isActive={isActive}
            />
            <InlineError problem={error} />
          </>
        ) : (
          <TextField
            key={q.step}
            defaultValue={q.kind === 'text' ? q.defaultValue : ''}
            masked={q.kind === 'password'}
            error={error}
            onSubmit={onAnswer}
            isActive={isActive}
          />
        )}
      </Box>
      <KeyHints
        kind={q.kind === 'text' && q.defaultValue === '' && !q.allowEmpty ? 'text-required' : q.kind}
        first={first}
      />
    </Box>
  );
}

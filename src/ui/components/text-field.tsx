import { Box, Text } from 'ink';
import type { Problem } from '../../domain/validators.js';
import { InlineError } from './inline-error.js';
import { TextInput } from './text-input/text-input.js';

export interface TextFieldProps {
  /** The default, shown under the input; Enter on empty input takes it. */
  defaultValue: string;
  error: Problem | null;
  onSubmit: (value: string) => void;
  masked?: boolean;
  isActive?: boolean;
}

// The input keeps its own text (it is not remounted on a validation error), so what was
// typed stays there to be corrected. Callers remount it per question with a `key`.
export function TextField({ defaultValue, error, onSubmit, masked = false, isActive = true }: TextFieldProps) {
  return (
    <Box flexDirection="column">
      <Box>
        <Text color="cyan">{'❯ '}</Text>
        <TextInput isActive={isActive} masked={masked} onSubmit={onSubmit} />
      </Box>
      {/* The default sits on its own line, not greyed inside the input: without colour a
          greyed placeholder would look like text already typed. */}
      {defaultValue !== '' && !masked ? <Text dimColor> Enter keeps the default: {defaultValue}</Text> : null}
      <InlineError problem={error} />
    </Box>
  );
}

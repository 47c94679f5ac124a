import { Box, Text } from 'ink';
import { useSelect } from './use-select.js';

/** One row of the list: the value handed back, what is shown, and what picking it means. */
export interface SelectOption {
  value: string;
  label: string;
  description: string;
}

export interface SelectProps {
  choices: readonly SelectOption[];
  defaultValue: string;
  onSubmit: (value: string) => void;
  isActive?: boolean;
}

/** A vertical list; each choice shows its one-line meaning, the default is marked. */
export function Select({ choices, defaultValue, onSubmit, isActive = true }: SelectProps) {
  const defaultIndex = choices.findIndex((c) => c.value === defaultValue);
  const { focus } = useSelect(
    choices.length,
    defaultIndex,
    (i) => {
      const c = choices[i];
      if (c) onSubmit(c.value);
    },
    isActive,
  );
  return (
    <Box flexDirection="column">
      {choices.map((c, i) => {
        const focused = i === focus;
        return (
          <Text key={c.value}>
            <Text {...(focused ? { color: 'cyan' } : {})} bold={focused}>
              {focused ? '❯ ' : '  '}
              {c.label}
            </Text>
            {i === defaultIndex ? <Text dimColor> (default)</Text> : null}
            <Text dimColor> — {c.description}</Text>
          </Text>
        );
      })}
    </Box>
  );
}

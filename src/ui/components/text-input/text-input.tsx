import { Text } from 'ink';
import { useTextInput } from './use-text-input.js';

export interface TextInputProps {
  /** Show one `*` per character instead of the text (passwords). */
  masked?: boolean;
  onSubmit: (value: string) => void;
  isActive?: boolean;
}

/** One editable line with a block cursor. */
export function TextInput({ masked = false, onSubmit, isActive = true }: TextInputProps) {
  const { value, cursor } = useTextInput(onSubmit, isActive);
  const shown = masked ? '*'.repeat(value.length) : value;
  return (
    <Text>
      {shown.slice(0, cursor)}
      <Text inverse>{shown[cursor] ?? ' '}</Text>
      {shown.slice(cursor + 1)}
    </Text>
  );
}

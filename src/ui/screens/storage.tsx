import { QuestionScreen, type QuestionScreenProps } from './question-screen.js';

/** Model storage: a persistent volume on/off, its size and storage class. */
export function StorageScreen(props: QuestionScreenProps) {
  const rows = props.question.step === 'storage-class' ? ([['size', props.draft['storage-size']]] as const) : [];
  return <QuestionScreen {...props} summary={rows} />;
}

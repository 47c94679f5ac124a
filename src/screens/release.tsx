import { QuestionView } from '../components/question-view.js';
import type { QuestionScreenProps } from './question-screen.js';

/** The release question. */
export function ReleaseScreen({ question, error, onAnswer, first = false }: QuestionScreenProps) {
  return <QuestionView question={question} error={error} onAnswer={onAnswer} first={first} />;
}

import { QuestionView } from '../components/question-view.js';
import type { QuestionScreenProps } from './question-screen.js';

/** The namespace question. */
export function NamespaceScreen({ question, error, onAnswer, first = false }: QuestionScreenProps) {
  return <QuestionView question={question} error={error} onAnswer={onAnswer} first={first} />;
}

import { QuestionView } from '../components/question-view.js';
import type { QuestionScreenProps } from './question-screen.js';

/** The monitoring question. */
export function MonitoringScreen({ question, error, onAnswer, first = false }: QuestionScreenProps) {
  return <QuestionView question={question} error={error} onAnswer={onAnswer} first={first} />;
}

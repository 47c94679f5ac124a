import { QuestionView } from '../components/question-view.js';
import type { QuestionScreenProps } from './question-screen.js';

/** Scaling: a fixed replica count or an autoscaling range. */
export function ScalingScreen({ question, error, onAnswer, first = false }: QuestionScreenProps) {
  return <QuestionView question={question} error={error} onAnswer={onAnswer} first={first} />;
}

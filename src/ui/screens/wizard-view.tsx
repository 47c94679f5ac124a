import { Box, useInput, useStdin } from 'ink';
import { useEffect, useReducer } from 'react';
import type { Answers } from '../../domain/answers.js';
import { preflightAllows } from '../wizard/preflight.js';
import { bannerReason, contextLooksLikeProduction } from '../wizard/production.js';
import { questionFor } from '../wizard/questions.js';
import { GROUP_TITLES, groupOf, visibleGroups } from '../wizard/steps.js';
import { answersSummary } from '../wizard/summary.js';
import {
  askContext,
  confirmationWord,
  currentAnswers,
  type Outcome,
  stepContext,
  type WizardState,
  wizardReducer,
} from '../wizard/wizard-state.js';
import type { FactsSource } from './facts-source.js';
import { OutcomeLine } from './outcome-line.js';
import { PreflightScreen } from './preflight.js';
import { ReviewScreen } from './review.js';
import { SCREENS } from './router.js';
import { StepHeader } from './step-header.js';
import { useFacts } from './use-facts.js';
import { type ReviewSources, useReviewBody } from './use-review-body.js';

export interface WizardViewProps extends ReviewSources {
  initialState: WizardState;
  /** A promise draws the first frame at once, with the facts as "checking…" until it settles. */
  facts: FactsSource;
  purpose: 'install' | 'render';
  valuesPath?: ((answers: Answers) => string) | undefined;
  onDone: (outcome: Outcome) => void;
}

/** The whole wizard: the reducer, Esc/Ctrl-C, and the screen for the current step. */
export function WizardView({
  initialState,
  facts: factsSource,
  purpose,
  onDone,
  reviewText,
  valuesPath,
}: WizardViewProps) {
  const [state, dispatch] = useReducer(wizardReducer, initialState);
  const facts = useFacts(factsSource);
  const { isRawModeSupported } = useStdin();

  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') dispatch({ type: 'cancel' });
      else if (key.escape) dispatch({ type: 'back' });
    },
    { isActive: isRawModeSupported === true },
  );

  useEffect(() => {
    if (state.outcome) onDone(state.outcome);
  }, [state.outcome, onDone]);

  const answers = state.step === 'review' ? currentAnswers(state) : null;
  const body = useReviewBody(answers, { reviewText });

  const group = groupOf(state.step);
  const groups = visibleGroups(state.draft, state.fixed, stepContext(state));
  const index = groups.indexOf(group);
  const production = facts ? (facts.production ?? contextLooksLikeProduction(facts.context)) : false;
  const reason = bannerReason(production, state.draft.environment);

  return (
    <Box flexDirection="column">
      <StepHeader
        title={GROUP_TITLES[group]}
        index={index >= 0 ? index + 1 : undefined}
        total={index >= 0 ? groups.length : undefined}
        env={state.draft.environment}
        banner={reason ? { context: facts?.context ?? null, reason } : null}
      />
      {state.outcome ? <OutcomeLine outcome={state.outcome} /> : renderBody(state)}
    </Box>
  );

  // A plain function, not a nested component: a component defined here would be a new
  // type on every render and remount the inputs, losing what was typed.
  function renderBody(s: WizardState) {
    if (s.step === 'preflight') {
      return (
        <PreflightScreen
          facts={facts}
          purpose={purpose}
          onChoose={(choice) => {
            // Only what the facts known now allow: an install never goes on before it
            // knows whether the cluster answers, whatever reaches this handler.
            if (preflightAllows(facts, purpose, choice)) dispatch({ type: 'preflight', choice });
          }}
        />
      );
    }
    if (s.step === 'review') {
      return (
        <ReviewScreen
          summary={answers ? answersSummary(answers) : undefined}
          body={
            answers
              ? body
              : { status: 'failed', problem: { message: 'some answers are missing', hint: 'press Esc to go back' } }
          }
          valuesPath={answers && valuesPath ? valuesPath(answers) : undefined}
          action={purpose === 'render' || s.renderOnly ? 'render' : 'install'}
          confirmWord={confirmationWord(s)}
          error={s.error}
          onChoose={(choice, typed) => dispatch({ type: 'review', choice, ...(typed !== undefined ? { typed } : {}) })}
        />
      );
    }
    const Screen = SCREENS[group as keyof typeof SCREENS];
    return (
      <Screen
        question={questionFor(s.step, s.draft, askContext(s))}
        draft={s.draft}
        error={s.error}
        onAnswer={(value) => dispatch({ type: 'answer', value })}
        first={s.history.length === 0}
      />
    );
  }
}

import type { JSX } from 'react';
import type { GroupId } from '../wizard/steps.js';
import { DatabaseScreen } from './database.js';
import { IngressScreen } from './ingress.js';
import { QuestionScreen, type QuestionScreenProps } from './question-screen.js';
import { RedisScreen } from './redis.js';
import { StorageScreen } from './storage.js';

type QuestionGroup = Exclude<GroupId, 'preflight' | 'review'>;

/** The screen component for each question group. */
export const SCREENS: Record<QuestionGroup, (p: QuestionScreenProps) => JSX.Element> = {
  environment: QuestionScreen,
  namespace: QuestionScreen,
  release: QuestionScreen,
  image: QuestionScreen,
  database: DatabaseScreen,
  redis: RedisScreen,
  ingress: IngressScreen,
  scaling: QuestionScreen,
  storage: StorageScreen,
  monitoring: QuestionScreen,
};

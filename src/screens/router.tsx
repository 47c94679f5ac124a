import type { JSX } from 'react';
import type { GroupId } from '../app/steps.js';
import { DatabaseScreen } from './database.js';
import { EnvironmentScreen } from './environment.js';
import { ImageScreen } from './image.js';
import { IngressScreen } from './ingress.js';
import { MonitoringScreen } from './monitoring.js';
import { NamespaceScreen } from './namespace.js';
import type { QuestionScreenProps } from './question-screen.js';
import { RedisScreen } from './redis.js';
import { ReleaseScreen } from './release.js';
import { ScalingScreen } from './scaling.js';
import { StorageScreen } from './storage.js';

type QuestionGroup = Exclude<GroupId, 'preflight' | 'review'>;

/** The screen component for each question group. */
export const SCREENS: Record<QuestionGroup, (p: QuestionScreenProps) => JSX.Element> = {
  environment: EnvironmentScreen,
  namespace: NamespaceScreen,
  release: ReleaseScreen,
  image: ImageScreen,
  database: DatabaseScreen,
  redis: RedisScreen,
  ingress: IngressScreen,
  scaling: ScalingScreen,
  storage: StorageScreen,
  monitoring: MonitoringScreen,
};

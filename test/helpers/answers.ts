// The dev environment's default answers, written out once: what `-e dev --yes` and a
// wizard walked with Enter must produce, and the starting point tests vary one group of.
import type { Answers } from '../../src/domain/answers.js';

export const DEV_ANSWERS: Answers = {
  environment: 'dev',
  namespace: 'dev-flask-app',
  release: 'flask-app',
  image: { repository: 'flask-app', tag: 'dev' },
  database: { mode: 'subchart' },
  redis: { mode: 'subchart' },
  ingress: { enabled: false },
  scaling: { mode: 'fixed', replicas: 2 },
  storage: { enabled: false },
  monitoring: false,
};

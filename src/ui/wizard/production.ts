// Whether a kube context name looks like a production cluster. A guess, used only to
// warn (red banner), never to refuse: "prod" as a word, "production", "prd", "live".
export function contextLooksLikeProduction(context: string | null): boolean {
  if (!context) return false;
  return /(^|[^a-z0-9])(prod|production|prd|live)([^a-z0-9]|$)/i.test(context);
}

export type BannerReason = 'context' | 'environment' | 'both';

/** Why the red banner shows, or null when it does not. */
export function bannerReason(productionContext: boolean, env: string | undefined): BannerReason | null {
  const prodEnv = env === 'prod';
  if (productionContext && prodEnv) return 'both';
  if (productionContext) return 'context';
  return prodEnv ? 'environment' : null;
}

import type { Plugin } from 'esbuild';

export function replaceOrFail(source: string, from: string, to: string, where: string): string;
export function patchYoga(source: string): string;
export function patchStringWidth(source: string): string;
export const yogaWithoutFetchProbe: Plugin;
export const stringWidthLazyEmojiRegex: Plugin;

export const FIT_VERDICTS = ['lead', 'maybe', 'no-fit', 'excluded'] as const;
export type FitVerdict = (typeof FIT_VERDICTS)[number];

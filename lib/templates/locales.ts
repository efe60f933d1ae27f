/** The languages templates and question sets are written in (apart from ./schema.ts: no zod). */
export const TEMPLATE_LOCALES = ['en', 'de'] as const;

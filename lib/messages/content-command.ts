import type { ContentCommand } from './events';

/**
 * The background's commands as the content script checks them: by hand, so the page does not
 * load zod for one message shape. `contentCommand` in events.ts stays the definition;
 * content-command.test.ts keeps the two in agreement (a new command needs a line here).
 */
const COMMANDS: Record<string, Record<string, (value: unknown) => boolean>> = {
  'badges/refresh': {},
};

export function checkContentCommand(value: unknown): ContentCommand | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const type = Object.hasOwn(record, 'type') ? record.type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(COMMANDS, type)) return undefined;
  const fields = COMMANDS[type]!;
  for (const [key, field] of Object.entries(record))
    if (key !== 'type' && !(Object.hasOwn(fields, key) && fields[key]!(field))) return undefined;
  for (const key of Object.keys(fields)) if (!Object.hasOwn(record, key)) return undefined;
  return { ...record } as ContentCommand;
}

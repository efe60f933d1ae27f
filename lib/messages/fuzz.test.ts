import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { SENDERS, ProtocolError, validateMessage, type MessageType } from './protocol';

const TYPES = Object.keys(SENDERS) as MessageType[];

describe('fuzzing every message schema (fast-check)', () => {
  test.each(TYPES)(
    '%s: any payload from either context is accepted or refused with a ProtocolError',
    async (type) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.anything({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 })),
          fc.constantFrom('content' as const, 'page' as const),
          async (payload, context) => {
            try {
              const envelope = await validateMessage({ type, payload }, context);
              expect(envelope.type).toBe(type);
              expect(SENDERS[type]).toContain(context);
            } catch (error) {
              expect(error).toBeInstanceOf(ProtocolError);
            }
          },
        ),
        { numRuns: 100 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  test('any envelope at all is refused cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 3 }), async (raw) => {
        try {
          await validateMessage(raw, 'content');
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { PROTOCOL, ProtocolError, validateMessage, type MessageType } from './protocol';

const TYPES = Object.keys(PROTOCOL) as MessageType[];

describe('fuzzing every message schema (fast-check)', () => {
  test.each(TYPES)(
    '%s: any payload from either context is accepted or refused with a ProtocolError',
    (type) => {
      fc.assert(
        fc.property(
          fc.oneof(fc.anything({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 })),
          fc.constantFrom('content' as const, 'page' as const),
          (payload, context) => {
            try {
              const envelope = validateMessage({ type, payload }, context);
              expect(envelope.type).toBe(type);
              expect(PROTOCOL[type].from).toContain(context);
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

  test('any envelope at all is refused cleanly', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (raw) => {
        try {
          validateMessage(raw, 'content');
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

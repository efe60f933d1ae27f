/** The port extension pages open to hear about changes (its events: ./events.ts, validated there). */
export const EVENTS_PORT = 'pipeline-scout-events';

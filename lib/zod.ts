import { z } from 'zod';

// Extension pages forbid eval under MV3's CSP; zod must not try its JIT there.
z.config({ jitless: true });

export { z };

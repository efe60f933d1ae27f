import { runPageMode } from './page-mode';
import { scannerMain } from './start';

/**
 * The page scanner (content.js): every granted site the probe found people on, and "Scan this
 * page". Gmail and Outlook get webmail.js instead (entrypoints/webmail.content.ts); the
 * background picks by the tab's address (site-access.ts).
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  main: scannerMain('badge', ({ send, overlay, lifeline }) =>
    runPageMode(document, send, overlay, lifeline.isDead),
  ),
});

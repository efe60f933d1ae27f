import { cleanText } from '../text/clean';
import { normaliseEmail } from '../contacts/email';

const EMAIL = /[^\s()<>"',;:]+@[^\s()<>"',;:]+\.[^\s()<>"',;:]+/;
/** The account button's label: "Account manager for Rita Rep", "Konto-Manager für Rita Rep", … */
const ACCOUNT_BUTTON =
  /(?:account manager|konto-manager|gestionnaire de comptes|administrador de cuentas|gerenciador de contas|gestione account|gestore account|accountbeheer|kontohanterare|kontoadministrator|menedżer kont)\s*(?:for|für|pour|para|de|da|per|voor|för|til|dla)?\s+(.+)$/iu;

/**
 * The signed-in account of Outlook on the web: the address of the account panel
 * (`#mectrl_currentAccount_secondary`) or of the account button's label, and the display name
 * from the title ("Mail – Rita Rep – Outlook", "E-Mail – Rita Rep – Outlook", "Courrier – …")
 * or the account button, for pages that show only the name.
 */
export function outlookOwner(doc: Document): { email?: string; name?: string } {
  let email: string | undefined;
  let name: string | undefined;
  const secondary = cleanText(doc.querySelector('#mectrl_currentAccount_secondary')?.textContent, 200);
  if (normaliseEmail(secondary)) email = secondary;
  const primary = cleanText(doc.querySelector('#mectrl_currentAccount_primary')?.textContent, 120);
  if (primary) name = primary;
  for (const el of doc.querySelectorAll(
    'button[aria-label], a[aria-label], div[aria-label][role="button"]',
  )) {
    const label = cleanText(el.getAttribute('aria-label'), 300);
    const m = ACCOUNT_BUTTON.exec(label);
    if (!m) continue;
    const found = EMAIL.exec(m[1]!)?.[0];
    if (found && !email && normaliseEmail(found)) email = found;
    const who = m[1]!.replace(/\(?[^\s()]+@[^\s()]+\)?/, '').trim();
    if (who && !name) name = who;
    break;
  }
  const parts = doc.title.split(/\s+[-–—]\s+/);
  if (parts.length >= 3 && /outlook/i.test(parts.at(-1)!)) {
    const middle = parts.slice(1, -1).join(' - ').trim();
    if (normaliseEmail(middle)) email ??= middle;
    else if (middle) name ??= middle;
  }
  return { email, name };
}

import { normaliseEmail } from '../contacts/email';

const EMAIL = /[^\s()<>"',;:]+@[^\s()<>"',;:]+\.[^\s()<>"',;:]+/;

/**
 * The signed-in addresses of a Gmail page, the mailbox first: from the title, which ends
 * "<label> - <address> - Gmail" for consumer accounts and "<label> - <address> - <Organisation>
 * Mail" for Workspace ones (a delegated mailbox shows the delegator's address there), then the
 * Google Account button ("Google Account: Rita Rep (rep@…)", in any language). Several
 * accounts signed in (`/mail/u/N/`) each show their own title and button.
 */
export function gmailAccounts(doc: Document): string[] {
  const found: string[] = [];
  const add = (raw: string | undefined) => {
    const n = raw ? normaliseEmail(raw) : undefined;
    if (n && !found.some((f) => normaliseEmail(f)?.key === n.key)) found.push(n.display);
  };
  // The last " - <address> - " segment of the title: subjects may hold dashes and addresses too.
  const parts = doc.title.split(/\s+[-–—]\s+/);
  for (let i = parts.length - 2; i >= 1; i--) {
    const part = parts[i]!.trim();
    if (EMAIL.test(part) && part.match(EMAIL)![0] === part) {
      add(part);
      break;
    }
  }
  for (const el of doc.querySelectorAll(
    'a[aria-label*="@"][href*="accounts.google"], header a[aria-label*="@"], [role="banner"] a[aria-label*="@"]',
  ))
    add(EMAIL.exec(el.getAttribute('aria-label') ?? '')?.[0]);
  return found.slice(0, 5);
}

import { cleanText } from '../../text/clean';
import { STRENGTH, type Finding } from '../types';

const meta = (root: ParentNode, key: string) =>
  cleanText(
    root.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content'),
    500,
  ) || undefined;

/**
 * A profile page described by Open Graph (`og:type` profile) and, for LinkedIn-style pages,
 * a title of the form "Name - Title - Company | Site".
 */
export function fromProfileMeta(root: ParentNode): Finding[] {
  if (meta(root, 'og:type')?.toLowerCase() !== 'profile') return [];
  const first = meta(root, 'profile:first_name');
  const last = meta(root, 'profile:last_name');
  const ogTitle = meta(root, 'og:title') ?? '';
  const parts = ogTitle
    .replace(/\s*[|·]\s*[^|·]+$/, '')
    .split(/\s+[-–—]\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const name = [first, last].filter(Boolean).join(' ') || parts[0];
  if (!name) return [];
  const url = meta(root, 'og:url');
  return [
    {
      detector: 'open-graph',
      strength: STRENGTH.profile,
      name,
      emails: [],
      phones: [],
      title: parts.length >= 2 ? parts[1] : undefined,
      company: parts.length >= 3 ? parts[2] : undefined,
      profiles: url && /^https?:/i.test(url) ? [url] : [],
      fields: ['name', 'title', 'company', 'profile'],
    },
  ];
}

/** Profile URLs a contact can carry. */
const PROFILE_HOSTS =
  /^(?:[a-z]{2,3}\.|www\.)?(linkedin\.com\/in\/|xing\.com\/profile\/|twitter\.com\/|x\.com\/|github\.com\/|bsky\.app\/profile\/|mastodon\.social\/@)/i;

export function isProfileUrl(href: string): boolean {
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
    const rest = `${url.hostname}${url.pathname}`;
    return PROFILE_HOSTS.test(rest) && url.pathname.split('/').filter(Boolean).length >= 1;
  } catch {
    return false;
  }
}

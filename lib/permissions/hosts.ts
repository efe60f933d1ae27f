/** Host patterns of the webmail providers whose adapters live in lib/webmail. */
export const GMAIL_HOST_PATTERNS = ['https://mail.google.com/*'] as const;

export const OUTLOOK_HOST_PATTERNS = [
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.cloud.microsoft/*',
] as const;

export const WEBMAIL_HOST_PATTERNS = [...GMAIL_HOST_PATTERNS, ...OUTLOOK_HOST_PATTERNS];

export const ALL_SITES_PATTERN = '<all_urls>';

export interface Evidence {
  detector: string;
  field: string;
  element?: Element;
}

/** A person found on a page (DESIGN.md section 4). */
export interface DetectedContact {
  name?: string;
  emails: string[];
  phones: string[];
  title?: string;
  company?: string;
  companyDomain?: string;
  profiles: string[];
  role?: boolean;
  evidence: Evidence[];
}

/** What one detector found: the pieces of one contact, before joining and merging. */
export interface Finding {
  detector: string;
  /** Higher is stronger: a stronger source's fields win when findings merge. */
  strength: number;
  name?: string;
  emails: string[];
  phones: string[];
  title?: string;
  company?: string;
  profiles: string[];
  /** The element the contact was found at: badges are placed beside it. */
  anchor?: Element;
  fields: string[];
}

export const STRENGTH = {
  webmail: 100,
  schema: 90,
  microformats: 80,
  profile: 70,
  card: 60,
  link: 50,
  signature: 40,
  text: 30,
} as const;

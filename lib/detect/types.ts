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
  /** How sure the detection is that this is a person's contact, 0–1 (see `CONFIDENT`). */
  confidence: number;
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
  /** How sure this detector is, 0–1; without it `defaultConfidence` of its strength. */
  confidence?: number;
}

export const STRENGTH = {
  webmail: 100,
  schema: 90,
  microformats: 80,
  profile: 70,
  people: 65,
  card: 60,
  link: 50,
  signature: 40,
  text: 30,
} as const;

/** How sure a detector is by default: marked-up data (schema.org, webmail) most, bare text least. */
export function defaultConfidence(strength: number): number {
  return Math.min(1, 0.6 + strength / 300);
}

/** From this confidence a contact is shown without asking; the rest on request. */
export const CONFIDENT = 0.65;

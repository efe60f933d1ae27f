import type { FitSubject } from '@/lib/fit';

/** The people the live preview scores: one of each kind a profile must tell apart. */
export const SAMPLE_CONTACTS: (FitSubject & { label: string })[] = [
  {
    label: 'Jana Schubert',
    title: 'Geschäftsführerin',
    emails: ['jana.schubert@acme-industrie.de'],
    phones: ['+49301234567'],
    company: 'Acme GmbH',
  },
  {
    label: 'Markus Weber',
    title: 'Head of Procurement',
    emails: ['markus.weber@acme-industrie.de'],
    phones: [],
    company: 'Acme GmbH',
  },
  {
    label: 'Lena Fischer',
    title: 'Werkstudentin Marketing',
    emails: ['lena.fischer@acme-industrie.de'],
    phones: [],
  },
  { label: 'info@', emails: ['info@acme-industrie.de'], phones: [], role: true },
  { label: 'Tom (gmail)', title: 'IT Manager', emails: ['tom.berg@gmail.com'], phones: [] },
];

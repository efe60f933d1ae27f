import type { FitProfile } from './schema';

/** Decision-makers up; free-mail and role accounts down. A sensible start for B2B prospecting. */
export const DEFAULT_PROFILE: FitProfile = {
  id: 'default-b2b',
  name: 'B2B decision-makers',
  base: 40,
  thresholds: { lead: 65, maybe: 45 },
  rules: [
    { id: 'c-level', kind: 'seniority', levels: ['c-level'], weight: 35, enabled: true },
    { id: 'vp-head', kind: 'seniority', levels: ['vp', 'head'], weight: 30, enabled: true },
    { id: 'director', kind: 'seniority', levels: ['director'], weight: 25, enabled: true },
    { id: 'manager', kind: 'seniority', levels: ['manager'], weight: 10, enabled: true },
    {
      id: 'buying-roles',
      kind: 'title-keywords',
      keywords: ['Procurement', 'Purchasing', 'Einkauf', 'Beschaffung', 'Operations', 'IT'],
      weight: 5,
      enabled: true,
    },
    {
      id: 'junior',
      kind: 'title-keywords',
      keywords: [
        'Intern',
        'Praktikant',
        'Praktikantin',
        'Werkstudent',
        'Werkstudentin',
        'Trainee',
        'Azubi',
        'Student',
      ],
      weight: -20,
      enabled: true,
    },
    { id: 'free-mail', kind: 'free-mail', weight: -25, enabled: true },
    { id: 'role-account', kind: 'role-account', weight: -40, enabled: true },
    { id: 'has-phone', kind: 'has-phone', weight: 5, enabled: true },
    { id: 'customer', kind: 'customer', weight: 10, enabled: true },
  ],
};

/** The people of the demo team: two offices, the roles a product team has. */
export interface DemoPerson {
  name: string;
  email: string;
  tz: string;
  hours: string;
  role: string;
  skills: string[];
  status?: { state: 'focus' | 'away' | 'dnd'; text: string; emoji: string; minutes: number };
  /** Out of office today (a conference, a day off). */
  outToday?: boolean;
  posts: string[];
}

export const demoMe: DemoPerson = {
  name: 'Alex Morgan',
  email: 'alex@demo.ricochet',
  tz: 'Europe/Paris',
  hours: 'mon-fri 09:00-18:00',
  role: 'Product lead',
  skills: ['roadmap', 'billing'],
  posts: ['Preparing the Q3 review with @Priya #planning'],
};

export const demoPeople: DemoPerson[] = [
  {
    name: 'Camille Martin',
    email: 'camille@demo.ricochet',
    tz: 'Europe/Paris',
    hours: 'mon-fri 09:00-18:00',
    role: 'Product designer',
    skills: ['figma', 'research', 'accessibility'],
    status: { state: 'focus', text: 'New onboarding screens', emoji: '🎯', minutes: 90 },
    posts: ['Sketching the new onboarding #design', 'User interviews done, notes in the wiki #research'],
  },
  {
    name: 'Léa Dubois',
    email: 'lea@demo.ricochet',
    tz: 'Europe/Paris',
    hours: 'mon-thu 09:30-18:30, fri 09:30-16:00',
    role: 'Backend engineer',
    skills: ['postgres', 'billing', 'api'],
    posts: ['Migrating invoices to the new #billing schema', 'Reviewing @Mathieu’s pull request'],
  },
  {
    name: 'Hugo Bernard',
    email: 'hugo@demo.ricochet',
    tz: 'Europe/Paris',
    hours: 'mon-fri 08:30-17:30',
    role: 'Engineering manager',
    skills: ['hiring', 'planning'],
    posts: ['Interviews all afternoon #hiring'],
  },
  {
    name: 'Chloé Petit',
    email: 'chloe@demo.ricochet',
    tz: 'Europe/Paris',
    hours: 'mon-fri 09:00-17:00',
    role: 'Data analyst',
    skills: ['sql', 'dashboards'],
    outToday: true,
    posts: ['Churn dashboard is live #dashboards'],
  },
  {
    name: 'Mathieu Roux',
    email: 'mathieu@demo.ricochet',
    tz: 'Europe/Paris',
    hours: 'mon-fri 10:00-19:00',
    role: 'Frontend engineer',
    skills: ['react', 'accessibility'],
    status: { state: 'dnd', text: 'Release in progress', emoji: '⛔', minutes: 45 },
    posts: ['Shipping the settings redesign #release'],
  },
  {
    name: 'Inès Moreau',
    email: 'ines@demo.ricochet',
    tz: 'Europe/Paris',
    hours: 'mon-fri 09:00-18:00',
    role: 'DevOps engineer',
    skills: ['kubernetes', 'incidents'],
    posts: ['On call this week #incidents'],
  },
  {
    name: 'Priya Shah',
    email: 'priya@demo.ricochet',
    tz: 'America/New_York',
    hours: 'mon-fri 09:00-17:30',
    role: 'Product manager',
    skills: ['roadmap', 'billing', 'pricing'],
    posts: ['Pricing page copy ready for review #pricing'],
  },
  {
    name: 'Jordan Lee',
    email: 'jordan@demo.ricochet',
    tz: 'America/New_York',
    hours: 'mon-fri 08:00-16:00',
    role: 'Sales engineer',
    skills: ['demos', 'pricing'],
    status: { state: 'away', text: 'Customer visit', emoji: '🚶', minutes: 120 },
    posts: ['Demo for a 200-seat prospect tomorrow #demos'],
  },
  {
    name: 'Marcus Green',
    email: 'marcus@demo.ricochet',
    tz: 'America/New_York',
    hours: 'mon-fri 09:00-18:00',
    role: 'Support lead',
    skills: ['onboarding', 'customers'],
    posts: ['Three tickets about invoices, looping in @Léa #billing'],
  },
  {
    name: 'Emily Chen',
    email: 'emily@demo.ricochet',
    tz: 'America/New_York',
    hours: 'mon-fri 09:00-17:00',
    role: 'QA engineer',
    skills: ['testing', 'release'],
    posts: ['Regression pass for the release #release'],
  },
];

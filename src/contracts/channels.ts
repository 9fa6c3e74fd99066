/** How a complaint reached the organisation (ACPR 2024-R-02: oral and written complaints both count). */
export const COMPLAINT_CHANNELS = ['web', 'email', 'letter', 'phone', 'counter'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const CHANNEL_LABELS = {
  web: 'Espace adhérent (Recours)',
  email: 'E-mail',
  letter: 'Courrier',
  phone: 'Téléphone',
  counter: 'Accueil en agence',
} as const satisfies Record<ComplaintChannel, string>;

/**
 * The channels through which a complaint reaches the organisation outside the member's space, recorded by staff
 * (ACPR 2024-R-02, formerly 2022-R-01: a complaint is handled whatever its channel, oral complaints included).
 */
export const RECORDED_CHANNELS = [
  'letter',
  'email',
  'phone',
  'counter',
] as const satisfies readonly ComplaintChannel[];
export type RecordedChannel = (typeof RECORDED_CHANNELS)[number];

export const RECORDED_CHANNEL_LABELS = {
  letter: 'Courrier postal',
  email: 'E-mail',
  phone: 'Téléphone',
  counter: 'Accueil en agence',
} as const satisfies Record<RecordedChannel, string>;

/** How a member reached his organisation, in the contacts he notes in his file. */
export const CONTACT_CHANNELS = ['phone', 'email', 'letter', 'visit', 'chat', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

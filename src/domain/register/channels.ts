/** How a complaint reached the organisation (ACPR 2024-R-02: oral and written complaints both count). */
export const COMPLAINT_CHANNELS = ['web', 'email', 'letter', 'phone', 'counter'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  web: 'Espace adhérent (Recours)',
  email: 'E-mail',
  letter: 'Courrier',
  phone: 'Téléphone',
  counter: 'Accueil en agence',
};

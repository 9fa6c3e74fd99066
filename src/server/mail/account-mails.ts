import type { OutgoingMail } from './mailer.ts';

/** What a sign-up sends: a confirmation link for a new address, a warning for an address that has an account. */
export type AccountEmail =
  | { kind: 'signup-confirm'; to: string; token: string; displayName: string }
  | { kind: 'signup-existing'; to: string }
  | { kind: 'staff-invitation'; to: string; token: string; displayName: string; organisationName: string };

/**
 * The texts of the account e-mails. The link carries the token after `#`, so that it never reaches a server
 * log or a Referer header: the page reads it and posts it.
 */
export function accountEmail(mail: AccountEmail, publicUrl: string): OutgoingMail {
  if (mail.kind === 'staff-invitation') {
    return {
      to: mail.to,
      subject: `Invitation à rejoindre ${mail.organisationName} sur Recours`,
      text: [
        `Bonjour ${mail.displayName},`,
        '',
        `Un administrateur de ${mail.organisationName} vous a ouvert un compte sur Recours, la plateforme de traitement des réclamations.`,
        'Pour choisir votre mot de passe, ouvrez ce lien (valable 7 jours) :',
        `${publicUrl}/invitation#jeton=${mail.token}`,
        '',
        'Si vous ne vous attendiez pas à ce message, ignorez-le et prévenez votre organisme.',
      ].join('\n'),
    };
  }
  if (mail.kind === 'signup-confirm') {
    return {
      to: mail.to,
      subject: 'Confirmez la création de votre compte Recours',
      text: [
        `Bonjour ${mail.displayName},`,
        '',
        'Pour terminer la création de votre compte Recours, ouvrez ce lien (valable 24 heures) :',
        `${publicUrl}/inscription/confirmer#jeton=${mail.token}`,
        '',
        'Si vous n’avez pas demandé à créer de compte, ignorez ce message : aucun compte ne sera créé.',
      ].join('\n'),
    };
  }
  return {
    to: mail.to,
    subject: 'Tentative de création de compte Recours',
    text: [
      'Bonjour,',
      '',
      'Quelqu’un (vous, sans doute) a demandé à créer un compte Recours avec cette adresse, qui en a déjà un.',
      `Pour vous connecter : ${publicUrl}/connexion`,
      '',
      'Si ce n’était pas vous, aucune action n’est nécessaire : votre compte et votre mot de passe sont inchangés.',
    ].join('\n'),
  };
}

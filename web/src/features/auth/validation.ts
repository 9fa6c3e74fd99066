import type { FieldErrors } from '../../shared/ui/form.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checks the browser can make before asking the server (which checks again). */
export function credentialErrors(
  values: { email: string; password: string; displayName?: string },
  ids: { email: string; password: string; displayName?: string },
  options: { minPasswordLength?: number } = {},
): FieldErrors {
  const errors: FieldErrors = {};
  if (ids.displayName !== undefined && (values.displayName ?? '').trim().length < 2) {
    errors[ids.displayName] = 'Indiquez votre nom et votre prénom (2 caractères au moins).';
  }
  const email = values.email.trim();
  if (email === '') errors[ids.email] = 'Saisissez votre adresse e-mail.';
  else if (!EMAIL.test(email)) {
    errors[ids.email] = 'Adresse e-mail invalide\u00a0: elle s’écrit comme prenom.nom@exemple.fr.';
  }
  if (values.password === '') errors[ids.password] = 'Saisissez votre mot de passe.';
  else if (options.minPasswordLength && values.password.length < options.minPasswordLength) {
    errors[ids.password] = `Le mot de passe doit compter au moins ${options.minPasswordLength} caractères.`;
  }
  return errors;
}

/** Client-side checks of the sign-in and registration forms, mirroring the gateway's rules. */

export type AccountField = 'email' | 'password' | 'name';
/** Message keys under `account.errors`, per field. */
export type AccountErrors = Partial<
  Record<AccountField, 'email' | 'password' | 'name' | 'required'>
>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateLogin(form: { email: string; password: string }): AccountErrors {
  const errors: AccountErrors = {};
  if (!form.email.trim()) errors.email = 'required';
  if (!form.password) errors.password = 'required';
  return errors;
}

export function validateRegistration(form: {
  email: string;
  password: string;
  name: string;
}): AccountErrors {
  const errors: AccountErrors = {};
  const email = form.email.trim();
  const name = form.name.trim();
  if (!email) errors.email = 'required';
  else if (email.length > 254 || !emailPattern.test(email)) errors.email = 'email';
  if (!name) errors.name = 'required';
  else if (name.length > 100) errors.name = 'name';
  if (!form.password) errors.password = 'required';
  else if (form.password.length < 10 || form.password.length > 200) errors.password = 'password';
  return errors;
}

import { z } from 'zod';

/** The same rules user-service applies (PasswordPolicy, PhoneNumbers), checked before sending. */
export const PHONE_PATTERN = /^01[016789]-?\d{3,4}-?\d{4}$/;

const localPart = (email: string) => (email.split('@')[0] ?? '').trim().toLowerCase();

export const passwordField = z
  .string()
  .min(8, 'validation.passwordLength')
  .max(64, 'validation.passwordLength')
  .refine((value) => !/\s/.test(value), 'validation.passwordSpaces')
  .refine((value) => /\p{L}/u.test(value) && /\p{N}/u.test(value), 'validation.passwordSimple');

export const emailField = z.string().trim().min(1, 'validation.required').max(254, 'validation.email').regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'validation.email');

export const registerSchema = z
  .object({
    email: emailField,
    password: passwordField,
    passwordConfirm: z.string(),
    name: z.string().trim().min(1, 'validation.required').max(50, 'validation.nameLength'),
    phone: z.string().trim().min(1, 'validation.required').regex(PHONE_PATTERN, 'validation.phone'),
    terms: z.object({
      SERVICE: z.boolean().refine((agreed) => agreed, 'validation.termsRequired'),
      PRIVACY: z.boolean().refine((agreed) => agreed, 'validation.termsRequired'),
      MARKETING: z.boolean(),
    }),
  })
  .refine((form) => form.password === form.passwordConfirm, { path: ['passwordConfirm'], message: 'validation.passwordMismatch' })
  .refine((form) => localPart(form.email).length < 3 || !form.password.toLowerCase().includes(localPart(form.email)), {
    path: ['password'],
    message: 'validation.passwordContainsEmail',
  });

export type RegisterForm = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  email: z.string().trim().min(1, 'validation.required'),
  password: z.string().min(1, 'validation.required'),
});
export type LoginForm = z.infer<typeof loginSchema>;

/** Where to go after signing in: only a path of this site (never `//host` or `https://…`). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { showServerFieldErrors } from '../shared/forms/serverErrors';
import { TextField, useFieldMessage } from '../shared/forms/TextField';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { login, register as registerAccount } from './authApi';
import { TERMS } from './terms';
import { registerSchema, safeNext, type RegisterForm } from './validation';

const EMPTY: RegisterForm = {
  email: '',
  password: '',
  passwordConfirm: '',
  name: '',
  phone: '',
  terms: { SERVICE: false, PRIVACY: false, MARKETING: false },
};

/** Server field paths (`agreements`, `agreements[1].version`) on the form's fields. */
function formField(serverField: string): Path<RegisterForm> | null {
  if (['email', 'password', 'name', 'phone'].includes(serverField)) return serverField as Path<RegisterForm>;
  if (serverField.startsWith('agreements')) return 'terms.SERVICE';
  return null;
}

export default function RegisterPage() {
  const { t } = useTranslation('auth');
  const { t: tp } = useTranslation('problems');
  const fieldMessage = useFieldMessage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, formState, setError, setValue, watch } = useForm<RegisterForm>({
    resolver: zodResolver(registerSchema),
    defaultValues: EMPTY,
  });
  const terms = watch('terms');
  const allAgreed = TERMS.every((term) => terms[term.code]);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await registerAccount({
        email: values.email.trim(),
        password: values.password,
        name: values.name.trim(),
        phone: values.phone.trim(),
        agreements: TERMS.map((term) => ({ code: term.code, version: term.version, agreed: values.terms[term.code] })),
      });
    } catch (error) {
      if (!showServerFieldErrors(error, setError, tp, formField)) setFailure(error);
      return;
    }
    try {
      await login({ email: values.email.trim(), password: values.password });
      navigate(safeNext(params.get('next')), { replace: true });
    } catch {
      navigate('/login', { replace: true });
    }
  });

  const termsError = formState.errors.terms?.SERVICE ?? formState.errors.terms?.PRIVACY;

  return (
    <section className="page narrow">
      <form className="card form-card" onSubmit={onSubmit} noValidate aria-labelledby="register-title">
        <h1 id="register-title">{t('register.title')}</h1>
        <ProblemMessage error={failure} />
        <TextField label={t('fields.email')} type="email" autoComplete="email" required error={formState.errors.email} {...register('email')} />
        <TextField label={t('fields.password')} type="password" autoComplete="new-password" required hint={t('register.passwordHint')} error={formState.errors.password} {...register('password')} />
        <TextField label={t('fields.passwordConfirm')} type="password" autoComplete="new-password" required error={formState.errors.passwordConfirm} {...register('passwordConfirm')} />
        <TextField label={t('fields.name')} autoComplete="name" required error={formState.errors.name} {...register('name')} />
        <TextField label={t('fields.phone')} type="tel" autoComplete="tel" inputMode="tel" placeholder="010-1234-5678" required error={formState.errors.phone} {...register('phone')} />

        <fieldset aria-describedby={termsError ? 'terms-error' : undefined}>
          <legend>{t('register.terms')}</legend>
          <label className="checkbox strong">
            <input
              type="checkbox"
              checked={allAgreed}
              onChange={(event) => TERMS.forEach((term) => setValue(`terms.${term.code}`, event.target.checked, { shouldValidate: formState.isSubmitted }))}
            />
            {t('register.agreeAll')}
          </label>
          {TERMS.map((term) => (
            <label key={term.code} className="checkbox">
              <input type="checkbox" aria-invalid={term.required && termsError && !terms[term.code] ? true : undefined} {...register(`terms.${term.code}`)} />
              <span>
                {term.required ? t('register.required') : t('register.optional')} {t(`register.termsNames.${term.code}`)}{' '}
                <span className="muted small">({t('register.version', { version: term.version })})</span>
              </span>
            </label>
          ))}
          {termsError && <span id="terms-error" className="field-error" role="alert">{fieldMessage(termsError)}</span>}
        </fieldset>

        <button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? t('register.submitting') : t('register.submit')}</button>
        <p className="muted">
          {t('register.haveAccount')} <Link to="/login">{t('register.login')}</Link>
        </p>
      </form>
    </section>
  );
}

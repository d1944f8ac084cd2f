import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { TextField } from '../shared/forms/TextField';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { login } from './authApi';
import { useSessionUser } from './useSession';
import { loginSchema, safeNext, type LoginForm } from './validation';

export default function LoginPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const user = useSessionUser();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<LoginForm>({ resolver: zodResolver(loginSchema), defaultValues: { email: '', password: '' } });

  if (user && !formState.isSubmitting) return <Navigate to={next} replace />;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await login({ email: values.email.trim(), password: values.password });
      navigate(next, { replace: true });
    } catch (error) {
      setFailure(error);
    }
  });

  return (
    <section className="page narrow">
      <form className="card form-card" onSubmit={onSubmit} noValidate>
        <h1>{t('login.title')}</h1>
        {notice === 'passwordChanged' ? (
          <p className="notice-ok" role="status">{t('login.passwordChanged')}</p>
        ) : (
          params.get('next') && <p className="muted">{t('login.needed')}</p>
        )}
        <ProblemMessage error={failure} />
        <TextField label={t('fields.email')} type="email" autoComplete="username" required error={formState.errors.email} {...register('email')} />
        <TextField label={t('fields.password')} type="password" autoComplete="current-password" required error={formState.errors.password} {...register('password')} />
        <button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? t('login.submitting') : t('login.submit')}</button>
        <p className="muted">
          {t('login.noAccount')} <Link to={`/register${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('login.register')}</Link>
        </p>
      </form>
    </section>
  );
}

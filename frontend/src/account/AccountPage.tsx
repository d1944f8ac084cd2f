import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { signedOut } from '../auth/session';
import { passwordField, PHONE_PATTERN } from '../auth/validation';
import type { UserProfile } from '../shared/api/schemas';
import { formatDate } from '../shared/format';
import { showServerFieldErrors } from '../shared/forms/serverErrors';
import { TextField } from '../shared/forms/TextField';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { changePassword, updateProfile, useProfile, withdraw } from './accountApi';

export default function AccountPage() {
  const { t } = useTranslation('account');
  const profile = useProfile();
  if (profile.isPending) return <p className="muted">{t('common:loading')}</p>;
  if (profile.isError) return <ProblemMessage error={profile.error} />;
  return (
    <div className="page narrow stack" style={{ gap: '1.25rem' }}>
      <h1>{t('title')}</h1>
      <ProfileForm profile={profile.data} />
      <PasswordForm />
      <WithdrawForm />
    </div>
  );
}

const profileSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(50, 'validation.nameLength'),
  phone: z.string().trim().refine((phone) => phone === '' || PHONE_PATTERN.test(phone), 'validation.phone'),
});

function ProfileForm({ profile }: { profile: UserProfile }) {
  const { t } = useTranslation('account');
  const { t: tp } = useTranslation('problems');
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, formState, setError } = useForm({
    resolver: zodResolver(profileSchema),
    defaultValues: { name: profile.name, phone: profile.phone ?? '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    setFailure(null);
    try {
      // an empty phone leaves the stored one (if any) as it is: PATCH changes only the fields it is given
      queryClient.setQueryData(['me'], await updateProfile(values.phone ? values : { name: values.name }));
      setSaved(true);
    } catch (error) {
      if (!showServerFieldErrors(error, setError, tp, (field) => (field === 'name' || field === 'phone' ? field : null))) setFailure(error);
    }
  });
  return (
    <form className="card form-card" onSubmit={onSubmit} noValidate aria-labelledby="profile-title">
      <h2 id="profile-title">{t('profile.title')}</h2>
      <dl className="facts">
        <dt>{t('profile.email')}</dt>
        <dd>{profile.email}</dd>
        {profile.createdAt && (
          <>
            <dt>{t('profile.since')}</dt>
            <dd>{formatDate(profile.createdAt)}</dd>
          </>
        )}
      </dl>
      <ProblemMessage error={failure} />
      {saved && <p className="notice-ok" role="status">{t('profile.saved')}</p>}
      <TextField label={t('profile.name')} autoComplete="name" required error={formState.errors.name} {...register('name')} />
      <TextField label={t('profile.phone')} type="tel" autoComplete="tel" placeholder="010-1234-5678" error={formState.errors.phone} {...register('phone')} />
      <button type="submit" disabled={formState.isSubmitting}>{t('profile.save')}</button>
    </form>
  );
}

const passwordSchema = z
  .object({ currentPassword: z.string().min(1, 'validation.required'), newPassword: passwordField, confirm: z.string() })
  .refine((form) => form.newPassword === form.confirm, { path: ['confirm'], message: 'validation.passwordMismatch' });

/** Changing the password signs out every session, this one included (user-service revokes them all). */
function PasswordForm() {
  const { t } = useTranslation('account');
  const { t: tp } = useTranslation('problems');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, formState, setError } = useForm({
    resolver: zodResolver(passwordSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
  });
  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setFailure(null);
    try {
      await changePassword({ currentPassword, newPassword });
      signedOut();
      queryClient.clear();
      navigate('/login?next=%2Faccount', { replace: true, state: { notice: 'passwordChanged' } });
    } catch (error) {
      const placed = showServerFieldErrors(error, setError, tp, (field) =>
        field === 'password' || field === 'currentPassword' ? 'currentPassword' : field === 'newPassword' ? 'newPassword' : null,
      );
      if (!placed) setFailure(error);
    }
  });
  return (
    <form className="card form-card" onSubmit={onSubmit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <ProblemMessage error={failure} />
      <p className="muted">{t('password.explain')}</p>
      <TextField label={t('password.current')} type="password" autoComplete="current-password" required error={formState.errors.currentPassword} {...register('currentPassword')} />
      <TextField label={t('password.new')} type="password" autoComplete="new-password" required hint={t('password.hint')} error={formState.errors.newPassword} {...register('newPassword')} />
      <TextField label={t('password.confirm')} type="password" autoComplete="new-password" required error={formState.errors.confirm} {...register('confirm')} />
      <button type="submit" disabled={formState.isSubmitting}>{t('password.save')}</button>
    </form>
  );
}

function WithdrawForm() {
  const { t } = useTranslation('account');
  const { t: tp } = useTranslation('problems');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, formState, setError } = useForm({
    resolver: zodResolver(z.object({ password: z.string().min(1, 'validation.required'), confirm: z.literal(true, 'validation.required') })),
    defaultValues: { password: '', confirm: false as unknown as true },
  });
  const onSubmit = handleSubmit(async ({ password }) => {
    setFailure(null);
    try {
      await withdraw({ password });
      signedOut();
      queryClient.clear();
      navigate('/', { replace: true });
    } catch (error) {
      if (!showServerFieldErrors(error, setError, tp, (field) => (field === 'password' ? 'password' : null))) setFailure(error);
    }
  });
  return (
    <form className="card form-card" onSubmit={onSubmit} noValidate aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('withdraw.title')}</h2>
      <p className="muted">{t('withdraw.explain')}</p>
      <ProblemMessage error={failure} />
      <TextField label={t('withdraw.password')} type="password" autoComplete="current-password" required error={formState.errors.password} {...register('password')} />
      <label className="checkbox">
        <input type="checkbox" aria-invalid={formState.errors.confirm ? true : undefined} {...register('confirm')} />
        {t('withdraw.confirm')}
      </label>
      {formState.errors.confirm && <span className="field-error">{t('withdraw.confirmNeeded')}</span>}
      <button type="submit" className="danger" disabled={formState.isSubmitting}>{t('withdraw.submit')}</button>
    </form>
  );
}

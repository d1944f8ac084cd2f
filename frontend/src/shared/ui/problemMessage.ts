import type { TFunction } from 'i18next';
import { ApiProblem } from '../api/problem';

/**
 * The buyer-facing sentence for a failure: the problem's stable code when the `problems` namespace knows it,
 * else a sentence for its HTTP status class. Server detail texts are English and technical, so they are not shown.
 */
export function problemMessage(error: unknown, t: TFunction<'problems'>): string {
  if (error instanceof ApiProblem) {
    const seconds = error.retryAfterSeconds ?? 5;
    const byCode = t(`codes.${error.code}`, { defaultValue: '', seconds, minutes: Math.max(1, Math.ceil(seconds / 60)) });
    if (byCode) return byCode;
    if (error.status === 0) return t('network');
    if (error.status === 401) return t('unauthorized');
    if (error.status === 403) return t('forbidden');
    if (error.status === 404) return t('notFound');
    if (error.status === 409) return t('conflict');
    if (error.status === 429) return t('tooMany', { seconds: error.retryAfterSeconds ?? 60 });
    if (error.status >= 500) return t('unavailable');
    return t('badRequest');
  }
  return t('unexpected');
}

/** A server field error (from `validation-failed`) in the buyer's language, by its constraint code. */
export function fieldErrorMessage(code: string, t: TFunction<'problems'>): string {
  return t(`fields.${code}`, { defaultValue: t('badRequest') });
}

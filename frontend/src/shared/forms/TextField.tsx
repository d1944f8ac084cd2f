import { useId, type InputHTMLAttributes } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** Client-side validation messages are keys of the `validation` section in `common`; server ones arrive translated. */
export function useFieldMessage() {
  const { t } = useTranslation();
  return (error: FieldError | undefined) =>
    error?.message ? (error.message.startsWith('validation.') ? t(error.message) : error.message) : undefined;
}

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: FieldError | undefined; required?: boolean };

/** A labelled input whose error and hint are tied to it (aria-describedby), invalid state announced. */
export function TextField({ label, hint, error, required, ...input }: Props) {
  const id = useId();
  const message = useFieldMessage()(error);
  const describedBy = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        <span>
          {label}
          {required && <span className="required" aria-hidden="true"> *</span>}
        </span>
      </label>
      <input id={id} aria-invalid={message ? true : undefined} aria-required={required || undefined} aria-describedby={describedBy} {...input} />
      {hint && <span id={`${id}-hint`} className="hint">{hint}</span>}
      {message && <span id={`${id}-error`} className="field-error">{message}</span>}
    </div>
  );
}

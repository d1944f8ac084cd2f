import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { isProblem } from '../api/problem';
import { fieldErrorMessage } from '../ui/problemMessage';

/**
 * Puts the field errors of a `validation-failed` answer next to the fields they are about. `fieldFor` maps a
 * server field path (`password`, `agreements[0].version`) to the form's field, or null for none. Answers whether
 * every field error found a field; when not, the caller shows the problem as a whole.
 */
export function showServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  t: TFunction<'problems'>,
  fieldFor: (serverField: string) => Path<T> | null,
): boolean {
  if (!isProblem(error, 'validation-failed')) return false;
  const errors = error.fieldErrors();
  let placed = 0;
  for (const fieldError of errors) {
    const field = fieldFor(fieldError.field);
    if (!field) continue;
    setError(field, { type: 'server', message: fieldErrorMessage(fieldError.code, t) }, { shouldFocus: placed === 0 });
    placed++;
  }
  return errors.length > 0 && placed === errors.length;
}

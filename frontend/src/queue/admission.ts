/**
 * What the waiting room hands the seat map in router state (memory only, never storage): the admission
 * token reservation-service asks for when seats are held.
 */
export interface AdmissionState {
  admissionToken: string;
  admissionExpiresAt?: string;
}

export function readAdmission(state: unknown): AdmissionState | null {
  if (typeof state !== 'object' || state === null) return null;
  const token = (state as Record<string, unknown>).admissionToken;
  if (typeof token !== 'string' || !token) return null;
  const expires = (state as Record<string, unknown>).admissionExpiresAt;
  return typeof expires === 'string' ? { admissionToken: token, admissionExpiresAt: expires } : { admissionToken: token };
}

/**
 * The terms a buyer agrees to when registering, as user-service configures them (`tiketi.terms` in
 * user-service/src/main/resources/application.yml: current versions, and which codes are required).
 * user-service refuses a registration whose agreements do not match (`RequiredTermsNotAgreed`, `OutdatedTerms`).
 */
export const TERMS = [
  { code: 'SERVICE', version: '2025-01', required: true },
  { code: 'PRIVACY', version: '2025-01', required: true },
  { code: 'MARKETING', version: '2025-01', required: false },
] as const;

export type TermsCode = (typeof TERMS)[number]['code'];

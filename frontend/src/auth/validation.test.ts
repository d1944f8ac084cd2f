import { registerSchema, safeNext } from './validation';

describe('safeNext', () => {
  it('returns to a path of this site only', () => {
    expect(safeNext('/events/1/queue?x=1')).toBe('/events/1/queue?x=1');
    expect(safeNext('//evil.example/phish')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

describe('registerSchema', () => {
  const valid = {
    email: 'minji@example.com',
    password: 'concert2026',
    passwordConfirm: 'concert2026',
    name: '김민지',
    phone: '01012345678',
    terms: { SERVICE: true, PRIVACY: true, MARKETING: false },
  };

  it('accepts what user-service accepts, marketing optional', () => {
    expect(registerSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['a password without a digit', { password: 'concertnight', passwordConfirm: 'concertnight' }, 'validation.passwordSimple'],
    ['a password with the email name', { password: 'minji2026x', passwordConfirm: 'minji2026x' }, 'validation.passwordContainsEmail'],
    ['a password with a space', { password: 'concert 2026', passwordConfirm: 'concert 2026' }, 'validation.passwordSpaces'],
    ['a landline number', { phone: '02-123-4567' }, 'validation.phone'],
    ['no privacy agreement', { terms: { SERVICE: true, PRIVACY: false, MARKETING: true } }, 'validation.termsRequired'],
  ])('refuses %s', (_, change, message) => {
    const result = registerSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});

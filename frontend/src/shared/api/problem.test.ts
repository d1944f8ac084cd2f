import { ApiProblem, parseRetryAfter } from './problem';
import { overloadDelayMs } from './http';

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('7')).toBe(7);
  });
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-12-06T00:00:00Z');
    expect(parseRetryAfter('Sun, 06 Dec 2026 00:00:10 GMT', now)).toBe(10);
  });
  it('ignores absent and malformed values', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('overloadDelayMs', () => {
  it('honours Retry-After before its own back-off', () => {
    const delay = overloadDelayMs(3, 2);
    expect(delay).toBeGreaterThanOrEqual(2000);
    expect(delay).toBeLessThan(2300);
  });
  it('doubles without Retry-After', () => {
    expect(overloadDelayMs(0, undefined)).toBeLessThan(1300);
    expect(overloadDelayMs(2, undefined)).toBeGreaterThanOrEqual(4000);
  });
});

describe('ApiProblem', () => {
  it('keeps the stable code and field errors', () => {
    const problem = new ApiProblem(400, {
      code: 'validation-failed',
      errors: [{ field: 'email', code: 'Email', message: 'not an email' }],
    });
    expect(problem.code).toBe('validation-failed');
    expect(problem.fieldErrors()[0]?.field).toBe('email');
  });
  it('names a failure without a problem body by its status', () => {
    expect(new ApiProblem(502, {}).code).toBe('http-502');
  });
});

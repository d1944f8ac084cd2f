/** Both languages must say everything: a key missing in English would silently show the Korean text. */
const modules = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

const NAMESPACES = ['common', 'problems', 'events', 'auth', 'account', 'notices', 'checkout', 'bookings', 'admin'];

function keys(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object') return [prefix.replace(/_(zero|one|two|few|many|other)$/, '')];
  return Object.entries(value).flatMap(([key, nested]) => keys(nested, prefix ? `${prefix}.${key}` : key));
}

describe('locales', () => {
  it.each(NAMESPACES)('%s has the same keys in Korean and English', (namespace) => {
    const ko = modules[`./locales/ko/${namespace}.json`]?.default;
    const en = modules[`./locales/en/${namespace}.json`]?.default;
    expect(ko).toBeDefined();
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(ko))].sort());
  });
});

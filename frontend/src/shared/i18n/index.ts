import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

// Every namespace of both languages is bundled: together they are a few KB, and a language switch must
// not wait for the network in the middle of a sale.
// The admin texts load with the admin pages (src/admin/i18n.ts), not on a buyer's first page.
const modules = import.meta.glob<{ default: Record<string, unknown> }>(['./locales/*/*.json', '!./locales/*/admin.json'], { eager: true });

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'tiketi.language';

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, module] of Object.entries(modules)) {
  const match = /\.\/locales\/(\w+)\/(\w+)\.json$/.exec(path);
  if (!match) continue;
  const [, language, namespace] = match as unknown as [string, string, string];
  (resources[language] ??= {})[namespace] = module.default;
}

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'ko';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'ko',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  // a display preference only, nothing security-relevant
  localStorage.setItem(STORAGE_KEY, language);
});
document.documentElement.lang = i18n.language;

export default i18n;

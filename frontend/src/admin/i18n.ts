import i18n from '../shared/i18n';
import en from '../shared/i18n/locales/en/admin.json';
import ko from '../shared/i18n/locales/ko/admin.json';

// The admin namespace is left out of the texts every page bundles, so that buyers never download it.
i18n.addResourceBundle('ko', 'admin', ko);
i18n.addResourceBundle('en', 'admin', en);

import type { Decorator, Preview } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { configure } from 'storybook/test';
import { CheckoutI18nProvider } from '../src/i18n';
import '../src/styles.css';
import { STORY_API } from '../stories/support/withCheckoutProviders';

// findBy* and waitFor poll until their condition holds, then return at once: their ceiling only
// decides how long a failure takes to report. The default second fails plays on a machine
// busy loading the whole suite (an MSW round trip and a render can take longer); five do not.
configure({ asyncUtilTimeout: 5_000 });

/**
 * The toolbar's theme, direction and locale, applied around every story: a surface with
 * data-theme and dir (so the kit's CSS variables and logical properties answer), and the
 * kit's i18n provider (so words, numbers and dates follow the locale).
 */
const withToolbarGlobals: Decorator = (Story, context) => {
  const { theme, direction } = context.globals as { theme?: string; direction?: 'ltr' | 'rtl' };
  // A story that sets its own locale (a German panel) speaks it, whatever the toolbar says.
  const locale = (context.args as { locale?: string }).locale ?? (context.globals as { locale?: string }).locale;
  return (
    <div
      data-theme={theme}
      dir={direction}
      lang={locale}
      style={{
        background: 'var(--rcs-color-surface)',
        color: 'var(--rcs-color-fg)',
        fontFamily: 'var(--rcs-font-family)',
        padding: '1rem',
      }}
    >
      <CheckoutI18nProvider locale={locale}>
        <Story />
      </CheckoutI18nProvider>
    </div>
  );
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withToolbarGlobals],
  loaders: [
    mswLoader(async () => {
      // Last in line, behind every story's handlers: a request to the mocked API that no story
      // answers (a session id typed into Controls) fails here instead of leaving the browser
      // with the story's token.
      const worker = setupWorker(http.all(`${STORY_API}/*`, () => HttpResponse.error()));
      // A relative worker URL keeps the static build working when served from any folder.
      await worker.start({
        serviceWorker: { url: './mockServiceWorker.js' },
        onUnhandledRequest: 'bypass',
        quiet: true,
      });
      return worker;
    }),
  ],
  globalTypes: {
    theme: {
      description: 'Colour theme of the kit (data-theme)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale for words, money and dates',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en-US', title: 'English (US)' },
          { value: 'en-GB', title: 'English (UK)' },
          { value: 'de-DE', title: 'Deutsch' },
          { value: 'ja-JP', title: '日本語' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', direction: 'ltr', locale: 'en-US' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'padded',
  },
};

export default preview;

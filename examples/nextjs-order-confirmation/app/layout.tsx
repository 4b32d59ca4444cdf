import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import 'react-checkout-session/styles.css';
import '../../shared/page.css';
import { apiBaseUrl } from '../lib/checkoutServer';
import { requestLocale } from '../lib/requestLocale';
import { CheckoutProviders } from './CheckoutProviders';

export const metadata: Metadata = {
  title: 'Order confirmation · react-checkout-session on Next.js',
  // No favicon to fetch (and no 404 for it in the console), as in the Vite apps' index.html.
  icons: { icon: 'data:,' },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={await requestLocale()}>
      <body>
        <CheckoutProviders apiBaseUrl={apiBaseUrl()}>{children}</CheckoutProviders>
      </body>
    </html>
  );
}

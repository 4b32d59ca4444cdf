import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const API_PORT = 4010;
export const CONFIRMATION_PORT = 5174;
export const DASHBOARD_PORT = 5175;

/**
 * The one Vite config both example apps share. Nothing is aliased: `react-checkout-session`
 * resolves through node_modules to the packed kit, and its peers to the root's single copies.
 */
export function exampleConfig(appDir: string, port: number): UserConfig {
  return {
    root: appDir,
    plugins: [react()],
    // One React and one QueryClient context, whoever imports them (the app or the kit).
    resolve: { dedupe: ['react', 'react-dom', '@tanstack/react-query', 'zod'] },
    // The root's node_modules sit above the examples' own package.json: let the dev server read them.
    server: { host: '127.0.0.1', port, strictPort: true, fs: { allow: [repoRoot] } },
    preview: { host: '127.0.0.1', port, strictPort: true },
    build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, minify: false },
    clearScreen: false,
  };
}

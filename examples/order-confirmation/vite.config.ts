import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { CONFIRMATION_PORT, exampleConfig } from '../shared/viteConfig.ts';

export default defineConfig(exampleConfig(fileURLToPath(new URL('.', import.meta.url)), CONFIRMATION_PORT));

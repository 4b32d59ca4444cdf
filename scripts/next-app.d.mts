export const NEXT_APP: string;
export const NEXT_APP_PORT: number;
export function startNextApp(options: {
  mode: 'dev' | 'preview';
  port?: number;
  apiUrl: string;
  token: string;
  log: (line: string) => void;
}): Promise<{ name: string; url: string; close(): Promise<void> }>;

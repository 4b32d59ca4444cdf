export const EXAMPLE_APPS: string[];
export const SAME_ORIGIN: string;
export interface ExamplesStack {
  api: { url: string; port: number; token: string; close(): Promise<void> };
  apps: { name: string; url: string; close(): Promise<void> }[];
  close(): Promise<void>;
}
export function startExamplesStack(options: {
  mode: 'dev' | 'preview';
  apiPort?: number;
  appPorts?: Record<string, number>;
  apiLog?: (line: string) => void;
  nextLog?: (line: string) => void;
}): Promise<ExamplesStack>;

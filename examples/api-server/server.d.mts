export const DEFAULT_PORT: number;
export const DEFAULT_TOKEN: string;
export const FAULTS: string[];
export interface ApiServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}
export function startApiServer(options?: { port?: number; token?: string; log?: (line: string) => void }): Promise<ApiServer>;

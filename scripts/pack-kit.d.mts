export const ROOT: string;
export const PACKED_KIT_DIR: string;
export function kitNeedsBuild(): boolean;
export function packKit(options?: { log?: (line: string) => void }): string;

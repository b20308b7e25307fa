export const ROOT: string;
export function binPath(pkg: string, bin?: string): string;
export function runNode(script: string, args: string[], options?: { env?: Record<string, string>; label?: string; nodeArgs?: string[] }): Promise<void>;
export function prismaCli(): string;
export function nextCli(): string;
export const SERVER_SCRIPT_ARGS: string[];

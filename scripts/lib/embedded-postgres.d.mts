export function startEmbeddedPostgres(options?: { dataDir?: string; port?: number; host?: string }): Promise<{ url: string; port: number; stop: () => Promise<void> }>;

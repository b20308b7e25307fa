export const BODY_LIMITS: { name: string; bytes: number; test: (path: string) => boolean }[];
export function checkBodyLimit(method: string, path: string, contentLength: string | undefined, chunked: boolean): { status: number; message: string; limit?: string } | null;

export type Cidr = { version: 4 | 6; bits: bigint; prefix: number };
export function parseAddress(text: string): { version: 4 | 6; value: bigint; text: string } | null;
export function parseTrustedProxies(spec: string | undefined): Cidr[];
export function isTrusted(address: string, cidrs: Cidr[]): boolean;
export function clientAddress(peer: string | null | undefined, forwardedFor: string | string[] | null | undefined, trusted: Cidr[]): string | null;

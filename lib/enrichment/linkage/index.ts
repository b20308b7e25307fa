export * from "./identifiers";
export { normaliseAddress } from "./address";
export * from "./minhash";

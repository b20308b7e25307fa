import "server-only";
import type { DigitalCurrencyAddress } from "@/lib/enrichment/sanctions";

// sanctions_entries.wallet_addresses holds "CURRENCY ADDRESS" (OFAC's own wording: "Digital Currency Address - XBT
// 1Abc…"), so the currency survives the round trip. A currency code is letters and digits and an address never holds
// a space, so the first space splits them. Query by address with e.g. `EXISTS (SELECT 1 FROM unnest(wallet_addresses)
// w WHERE split_part(w, ' ', 2) = $1)`.

export function encodeStoredWallet(wallet: DigitalCurrencyAddress): string {
  return `${wallet.currency} ${wallet.address}`;
}

export function decodeStoredWallet(stored: string): DigitalCurrencyAddress {
  const space = stored.indexOf(" ");
  return space < 0 ? { currency: "", address: stored } : { currency: stored.slice(0, space), address: stored.slice(space + 1) };
}

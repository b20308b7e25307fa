import Link from "next/link";
import type { LinkView } from "./types";

const KIND_LABELS: Record<string, string> = {
  EMAIL: "Same email",
  PHONE: "Same phone",
  ADDRESS: "Same home address",
  SHIP_TO: "Same equipment ship-to address",
  DEVICE: "Same device fingerprint",
  IP: "Same IP address",
  BANK: "Same bank account",
  GOV_ID: "Same government ID number",
  RESUME: "Near-duplicate résumé",
  EMPLOYER: "Same former employer",
};

/** Other candidates who share an identifier with this one, and what they share. */
export function LinksPanel({ links }: { links: LinkView[] }) {
  if (links.length === 0) return <p className="text-sm text-slate-600">No other candidate shares this candidate&apos;s identifiers.</p>;
  return (
    <ul className="space-y-3 text-sm" aria-label="Linked candidates">
      {links.map((l, i) => (
        <li key={`${l.kind}-${i}`} className="rounded-lg border border-slate-200 p-3" data-testid={`link-${l.kind}`}>
          <p className="font-medium">
            {KIND_LABELS[l.kind] ?? l.kind}
            {l.display ? <span className="font-normal text-slate-600">: {l.display}</span> : null}
          </p>
          {l.otherNamesDiffer ? <p className="text-xs text-red-700">Shared by candidates with different names</p> : null}
          <ul className="mt-1 space-y-0.5">
            {l.others.map((o) => (
              <li key={o.id}>
                <Link href={`/candidates/${o.id}`} className="text-brand-700 hover:underline">
                  {o.fullName}
                </Link>
                {o.email ? <span className="text-slate-500"> · {o.email}</span> : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

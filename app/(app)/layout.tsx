import Link from "next/link";
import { NavLinks, type NavItem } from "@/components/nav-links";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLE_LABELS, roleHasPermission } from "@/lib/permissions";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { countReviewQueue } from "@/lib/server/cases/count-review-queue";
import { signOutAction } from "./actions";

async function signOut() {
  "use server";
  await signOutAction(null, {});
}

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const items: NavItem[] = [{ href: "/candidates", label: "Candidates" }];
  if (roleHasPermission(actor.role, "candidates.create")) items.push({ href: "/candidates/new", label: "New candidate" });
  if (roleHasPermission(actor.role, "cases.read")) {
    const { mine, unassigned } = await countReviewQueue({ actor });
    items.push({ href: "/review", label: "Review queue", badge: `${mine} · ${unassigned}`, badgeLabel: `: ${mine} open cases assigned to you, ${unassigned} unassigned` });
  }
  if (roleHasPermission(actor.role, "rules.read")) items.push({ href: "/rules", label: "Rules" });
  if (roleHasPermission(actor.role, "audit.read")) items.push({ href: "/audit", label: "Audit log" });
  if (roleHasPermission(actor.role, "users.manage")) items.push({ href: "/admin/users", label: "Users" });
  if (roleHasPermission(actor.role, "rulesets.manage")) items.push({ href: "/admin/rulesets", label: "Rulesets" });
  if (roleHasPermission(actor.role, "sanctions.manage")) items.push({ href: "/admin/sanctions", label: "Sanctions" });
  if (roleHasPermission(actor.role, "apikeys.manage")) items.push({ href: "/admin/api-keys", label: "API keys" });
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-6">
            <Link href="/candidates" className="text-sm font-bold text-brand-900">
              Hiring Risk Screen
            </Link>
            <NavLinks items={items} />
          </div>
          <div className="flex items-center gap-3">
            <p className="text-right text-xs leading-tight text-slate-600">
              <span className="block font-medium text-slate-900">{actor.name}</span>
              <span data-testid="current-role">{ROLE_LABELS[actor.role]}</span>
            </p>
            <form action={signOut}>
              <SubmitButton variant="secondary" pendingLabel="Signing out…">
                Sign out
              </SubmitButton>
            </form>
          </div>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}

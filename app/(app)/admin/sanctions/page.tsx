import type { Metadata } from "next";
import { SanctionsImportForm } from "@/components/admin/sanctions-import-form";
import { SanctionsListHistory } from "@/components/admin/sanctions-list-history";
import { RescreenStatusLine } from "@/components/imports/rescreen-status-line";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getRescreenStatus } from "@/lib/server/jobs/get-rescreen-status";
import { listSanctionsLists } from "@/lib/server/sanctions/list-sanctions-lists";

export const metadata: Metadata = { title: "Sanctions lists" };

export default async function SanctionsPage() {
  const actor = await requirePageActor("sanctions.manage", "/admin/sanctions");
  const lists = await listSanctionsLists({ actor });
  const rescreen = await getRescreenStatus({ actor, reason: "SANCTIONS_LIST" });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Sanctions lists</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Screening compares applicants&apos; names, employers, agencies, payees and wallets with the active version of OFAC&apos;s SDN list. A
          similar name is a candidate for review, never a finding: a person decides. Every import is audited.
        </p>
      </div>
      <section aria-labelledby="import-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="import-heading" className="mb-4 text-base font-semibold">
          Import a list
        </h2>
        <SanctionsImportForm />
        <div className="mt-4">
          <RescreenStatusLine
            subject="sanctions list"
            rescreen={rescreen && { ...rescreen, createdAt: rescreen.createdAt.toISOString(), finishedAt: rescreen.finishedAt?.toISOString() ?? null }}
          />
        </div>
      </section>
      <section aria-labelledby="history-heading" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <h2 id="history-heading" className="px-6 pt-6 text-base font-semibold">
          Imported versions <span className="font-normal text-slate-500">({lists.length})</span>
        </h2>
        <SanctionsListHistory
          rows={lists.map((l) => ({
            id: l.id,
            listVersion: l.listVersion,
            format: l.format,
            fileNames: l.fileNames,
            entryCount: l.entryCount,
            aliasCount: l.aliasCount,
            status: l.status,
            importedAt: l.importedAt.toISOString(),
            importedBy: l.importedBy ? l.importedBy.name : null,
          }))}
        />
      </section>
    </div>
  );
}

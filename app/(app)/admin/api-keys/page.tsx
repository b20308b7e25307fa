import type { Metadata } from "next";
import { ApiKeyCreateForm } from "@/components/admin/api-key-create-form";
import { ApiKeyRevokeButton } from "@/components/admin/api-key-revoke-button";
import { ROLE_LABELS } from "@/lib/permissions";
import { listApiKeys } from "@/lib/server/api-keys/list-api-keys";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (d: Date | null) => (d ? `${dateFormat.format(d)} UTC` : "never");

export default async function ApiKeysPage() {
  const actor = await requirePageActor("apikeys.manage", "/admin/api-keys");
  const keys = await listApiKeys({ actor });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="mt-1 text-sm text-slate-600">
          Keys let an ATS or a script call the API (<a className="underline" href="/api/v1/openapi.json">OpenAPI document</a>). A key acts with its
          role&apos;s permissions on your behalf — never more than your own role allows, so demoting you demotes your keys — and can never manage
          users or keys. Creating and revoking keys is audited, and everything a key does is recorded with its prefix.
        </p>
      </div>
      <section aria-labelledby="create-key-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="create-key-heading" className="mb-4 text-base font-semibold">Create a key</h2>
        <ApiKeyCreateForm action={createApiKeyAction} />
      </section>
      <section aria-labelledby="keys-heading" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <h2 id="keys-heading" className="px-6 pt-6 text-base font-semibold">
          All keys <span className="font-normal text-slate-500">({keys.length})</span>
        </h2>
        {keys.length === 0 ? <p className="px-6 py-4 text-sm text-slate-600">No keys yet.</p> : null}
        <ul className="mt-4 divide-y divide-slate-100">
          {keys.map((k) => (
            <li key={k.id} className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-start sm:justify-between" data-testid={`api-key-row-${k.prefix}`}>
              <div className="min-w-0">
                <p className="font-medium">
                  {k.name}{" "}
                  {k.revokedAt ? <span className="ml-1 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">Revoked {when(k.revokedAt)}</span> : null}
                  {!k.revokedAt && k.expired ? (
                    <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">Expired {when(k.expiresAt)}</span>
                  ) : null}
                </p>
                <p className="text-sm text-slate-600">
                  <code className="rounded bg-slate-100 px-1">{k.prefix}…</code> · {ROLE_LABELS[k.role]}
                </p>
                <p className="text-xs text-slate-500">
                  Created by {k.createdBy.name} on {when(k.createdAt)} · Last used: {when(k.lastUsedAt)} · Expires:{" "}
                  {k.expiresAt ? when(k.expiresAt) : "never"}
                </p>
              </div>
              {k.revokedAt ? null : <ApiKeyRevokeButton keyId={k.id} label={`${k.name} (${k.prefix}…)`} action={revokeApiKeyAction} />}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

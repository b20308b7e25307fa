"use server";

import { apiKeyCreateSchema, apiKeyRevokeSchema } from "@/lib/schemas/api";
import { createAction } from "@/lib/server/action-client";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/server/api-keys/revoke-api-key";

const revalidate = ["/admin/api-keys"];

export const createApiKeyAction = createAction(
  { name: "createApiKey", permission: "apikeys.manage", schema: apiKeyCreateSchema, revalidate },
  async ({ actor, input, meta }) => {
    const key = await createApiKey({ actor, input, meta });
    // The one and only time the full key leaves the server.
    return { name: key.name, prefix: key.prefix, key: key.key };
  },
);

export const revokeApiKeyAction = createAction(
  { name: "revokeApiKey", permission: "apikeys.manage", schema: apiKeyRevokeSchema, revalidate },
  async ({ actor, input, meta }) => {
    const key = await revokeApiKey({ actor, keyId: input.keyId, meta });
    return { prefix: key.prefix };
  },
);

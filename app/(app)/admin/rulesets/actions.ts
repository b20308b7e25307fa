"use server";

import { createAction } from "@/lib/server/action-client";
import { enqueueRescreen } from "@/lib/server/jobs/enqueue-rescreen";
import { createRulesetDraft, type CreateRulesetDraftResult } from "@/lib/server/rulesets/create-ruleset-draft";
import { previewRuleset, type RulesetPreview } from "@/lib/server/rulesets/preview-ruleset";
import { publishRuleset } from "@/lib/server/rulesets/publish-ruleset";
import { rulesetDraftFormSchema, rulesetPreviewSchema, rulesetVersionIdSchema } from "@/lib/server/rulesets/ruleset-schemas";

export const createRulesetDraftAction = createAction(
  {
    name: "createRulesetDraft",
    permission: "rulesets.manage",
    schema: rulesetDraftFormSchema,
    revalidate: ["/admin/rulesets"],
    redirectTo: (draft: CreateRulesetDraftResult) => `/admin/rulesets/${draft.id}`,
  },
  async ({ actor, input, meta }) => createRulesetDraft({ actor, input, meta }),
);

export const previewRulesetAction = createAction(
  { name: "previewRuleset", permission: "rulesets.manage", schema: rulesetPreviewSchema },
  async ({ actor, input }): Promise<RulesetPreview> => previewRuleset({ actor, rulesetVersionId: input.rulesetVersionId, againstVersionId: input.againstVersionId }),
);

export type PublishRulesetOutcome = { id: string; version: number; rescreenQueued: boolean };

export const publishRulesetAction = createAction(
  {
    name: "publishRuleset",
    permission: "rulesets.manage",
    schema: rulesetVersionIdSchema,
    revalidate: (published: PublishRulesetOutcome) => ["/admin/rulesets", `/admin/rulesets/${published.id}`, "/rules"],
  },
  async ({ actor, input, meta }): Promise<PublishRulesetOutcome> => {
    const published = await publishRuleset({ actor, rulesetVersionId: input.rulesetVersionId, meta });
    // Every active candidate is re-screened with the new version in the background, after the publish has committed.
    const rescreenQueued = await queueRescreen(published.id, actor.id);
    return { id: published.id, version: published.version, rescreenQueued };
  },
);

/** The version is published either way; a queue failure is logged and shown, not reported as a failed publish. */
async function queueRescreen(rulesetVersionId: string, actorId: string): Promise<boolean> {
  try {
    await enqueueRescreen({ reason: "RULESET", subjectId: rulesetVersionId, actorId });
    return true;
  } catch (error) {
    console.error("[rulesets] could not queue the re-screen", error);
    return false;
  }
}

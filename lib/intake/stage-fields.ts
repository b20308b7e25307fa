// Field descriptors for the stage-by-stage intake forms. One generic form renders them; the server validates the
// result with the same profile schema the API uses (lib/schemas/profile.ts), so the two can't drift apart.
// Nothing here asks for nationality, citizenship, ethnicity, languages or any other protected attribute.
import type { Stage } from "@/lib/schemas/candidate";
import type { IP_CONTEXTS } from "@/lib/schemas/profile";

export type Option = { value: string; label: string };

export type FieldDef =
  | { kind: "text" | "email" | "tel" | "date" | "datetime" | "textarea" | "number"; path: string; label: string; hint?: string; required?: boolean; wide?: boolean }
  | { kind: "select"; path: string; label: string; options: Option[]; hint?: string; wide?: boolean }
  | { kind: "country"; path: string; label: string; hint?: string }
  /** Unknown / Yes / No: unknown is a value, distinct from "no". */
  | { kind: "tristate"; path: string; label: string; hint?: string }
  /**
   * One value per line → string[] (or objects via `lineTo`). An IP field shows and saves the addresses of one
   * context: the page's stage, or `ipContext` when the field records another (post-hire logins are "work").
   */
  | { kind: "lines"; path: string; label: string; hint?: string; lineTo?: "ip" | "instant"; ipContext?: (typeof IP_CONTEXTS)[number] }
  | { kind: "checkboxes"; path: string; label: string; options: Option[] }
  | { kind: "list"; path: string; label: string; itemLabel: string; fields: FieldDef[]; hint?: string };

export type SectionDef = { title: string; description?: string; fields: FieldDef[] };

const opts = (pairs: [string, string][]): Option[] => pairs.map(([value, label]) => ({ value, label }));
const VERIFY_METHOD = opts([["independent_contact", "Contact found independently"], ["candidate_supplied_contact", "Contact supplied by the candidate"], ["third_party_service", "Third-party verification service"], ["none", "Not verified"]]);
const VERIFY_OUTCOME = opts([["verified", "Verified"], ["unverifiable", "Could not verify"], ["contradicted", "Contradicted"], ["pending", "Pending"]]);
const CHECK = opts([["passed", "Passed"], ["failed", "Failed"], ["declined", "Declined"], ["not_done", "Not done"]]);
const OFFERED = opts([["completed", "Completed"], ["declined", "Declined"], ["pending", "Pending"], ["not_offered", "Not offered"]]);

const address = (base: string): FieldDef[] => [
  { kind: "text", path: `${base}.line1`, label: "Street address", wide: true },
  { kind: "text", path: `${base}.city`, label: "City" },
  { kind: "text", path: `${base}.region`, label: "State / region" },
  { kind: "text", path: `${base}.postalCode`, label: "Postal code" },
  { kind: "country", path: `${base}.country`, label: "Country" },
];

export const STAGE_FORMS: Record<"APPLICATION" | "INTERVIEW" | "ONBOARDING", { title: string; stage: Stage; sections: SectionDef[] }> = {
  APPLICATION: {
    title: "Application",
    stage: "APPLICATION",
    sections: [
      {
        title: "Identity and contact",
        fields: [
          { kind: "text", path: "candidate.legalName", label: "Legal name", required: true, wide: true },
          { kind: "email", path: "candidate.email", label: "Email", required: true },
          { kind: "tel", path: "candidate.phone", label: "Phone", hint: "With country code, e.g. +1 415 555 0100" },
          {
            kind: "list",
            path: "candidate.names",
            label: "Other names seen",
            itemLabel: "Name",
            hint: "How the name appears on the résumé, ID, email, profiles or payment platform.",
            fields: [
              { kind: "select", path: "source", label: "Where", options: opts([["resume", "Résumé"], ["idDocument", "ID document"], ["emailDisplayName", "Email display name"], ["onlineProfile", "Online profile"], ["paymentPlatform", "Payment platform"], ["application", "Application"]]) },
              { kind: "text", path: "name", label: "Name as shown" },
            ],
          },
          { kind: "tristate", path: "candidate.nameChange.documented", label: "Documented legal name change (marriage, court order)" },
          {
            kind: "date",
            path: "observations.dateOfBirth",
            label: "Date of birth (from the ID document)",
            hint: "Optional. Only compared with the dates of birth of a sanctions-list entry whose name matches; never scored.",
          },
        ],
      },
      {
        title: "Claimed location",
        description: "Where the candidate says they live and will work — a place, not a nationality.",
        fields: [
          { kind: "text", path: "candidate.claimedLocation.city", label: "City" },
          { kind: "text", path: "candidate.claimedLocation.region", label: "State / region" },
          { kind: "country", path: "candidate.claimedLocation.country", label: "Country" },
          { kind: "select", path: "candidate.declaredWorkingHours", label: "Working hours the candidate told us", options: opts([["standard", "Standard daytime"], ["night_shift", "Night shift"], ["flexible", "Flexible"]]) },
          ...address("candidate.homeAddress"),
        ],
      },
      {
        title: "Sourcing",
        fields: [
          { kind: "select", path: "sourcing.channel", label: "Channel", options: opts([["direct", "Direct application"], ["job_board", "Job board"], ["referral", "Referral"], ["staffing_agency", "Staffing agency"], ["freelance_platform", "Freelance platform"]]) },
          { kind: "text", path: "sourcing.agency.name", label: "Staffing agency" },
          { kind: "tristate", path: "sourcing.agency.allowsDirectVerification", label: "Agency allows direct identity verification" },
          { kind: "number", path: "rate.hourlyUsd", label: "Hourly rate (USD)" },
          { kind: "number", path: "rate.marketMedianHourlyUsd", label: "Market median for the role (USD/h)" },
        ],
      },
      {
        title: "Work history",
        fields: [
          {
            kind: "list",
            path: "workHistory",
            label: "Jobs",
            itemLabel: "Job",
            fields: [
              { kind: "text", path: "employerName", label: "Employer", required: true },
              { kind: "text", path: "title", label: "Title" },
              { kind: "date", path: "start", label: "Start" },
              { kind: "date", path: "end", label: "End (empty if current)" },
              { kind: "tristate", path: "current", label: "Current job" },
              { kind: "select", path: "verification.method", label: "How it was checked", options: VERIFY_METHOD },
              { kind: "select", path: "verification.outcome", label: "Outcome", options: VERIFY_OUTCOME },
            ],
          },
          {
            kind: "list",
            path: "references",
            label: "References",
            itemLabel: "Reference",
            fields: [
              { kind: "text", path: "name", label: "Name" },
              { kind: "select", path: "contactDetails", label: "Contact details", options: opts([["complete", "Complete"], ["minimal", "Minimal"], ["none", "None"]]) },
              { kind: "tristate", path: "independentlySourced", label: "Contact found independently" },
              { kind: "tristate", path: "reachable", label: "Reachable" },
            ],
          },
          {
            kind: "list",
            path: "onlineProfiles",
            label: "Online profiles",
            itemLabel: "Profile",
            fields: [
              { kind: "select", path: "platform", label: "Platform", options: opts([["github", "GitHub"], ["gitlab", "GitLab"], ["linkedin", "LinkedIn"], ["stackoverflow", "Stack Overflow"], ["freelance", "Freelance platform"], ["portfolio", "Portfolio"], ["other", "Other"]]) },
              { kind: "text", path: "url", label: "URL" },
              { kind: "date", path: "createdAt", label: "Created (if known)" },
              { kind: "tristate", path: "matchesResume", label: "Matches the résumé" },
            ],
          },
          {
            kind: "list",
            path: "skills",
            label: "Skills",
            itemLabel: "Skill",
            fields: [
              { kind: "text", path: "name", label: "Skill", required: true },
              { kind: "number", path: "firstUsedYear", label: "Year first used" },
            ],
          },
        ],
      },
      {
        title: "What the ATS recorded",
        fields: [
          { kind: "textarea", path: "observations.resumeText", label: "Résumé text", hint: "Paste the text, or load a PDF, Word (.docx) or .txt file below: its text is extracted on our server.", wide: true },
          {
            kind: "lines",
            path: "observations.ips",
            label: "Application IP addresses",
            hint: "One per line, optionally followed by when it was seen (ISO time with a zone), e.g. 203.0.113.7 2026-09-01T14:00:00Z.",
            lineTo: "ip",
          },
          { kind: "lines", path: "observations.deviceFingerprints", label: "Device fingerprints", hint: "One per line." },
          { kind: "lines", path: "observations.activityTimestamps", label: "Activity timestamps", hint: "ISO times with a zone, one per line, e.g. 2026-09-01T14:00:00Z.", lineTo: "instant" },
        ],
      },
    ],
  },
  INTERVIEW: {
    title: "Interview",
    stage: "INTERVIEW",
    sections: [
      {
        title: "Rounds",
        description: "The same checks for everyone at this stage. A camera refusal is never scored when an accommodation path was taken.",
        fields: [
          {
            kind: "list",
            path: "interviews",
            label: "Interview rounds",
            itemLabel: "Round",
            fields: [
              { kind: "number", path: "round", label: "Round number", required: true },
              { kind: "datetime", path: "at", label: "When" },
              { kind: "select", path: "mode", label: "Mode", options: opts([["video", "Video"], ["audio", "Audio"], ["text", "Text"], ["in_person", "In person"]]) },
              { kind: "tristate", path: "cameraDeclined", label: "Declined or unable to turn the camera on" },
              { kind: "select", path: "handInFrontOfFaceCheck", label: "Live hand-in-front-of-face check", options: CHECK },
              { kind: "select", path: "surroundingsCheck", label: "Showed surroundings", options: CHECK },
              { kind: "select", path: "localKnowledgeCheck", label: "Questions about the claimed city", options: CHECK },
              { kind: "tristate", path: "faceMatchesEarlierRounds", label: "Same face as earlier rounds" },
              { kind: "tristate", path: "voiceMatchesEarlierRounds", label: "Same voice as earlier rounds" },
              { kind: "tristate", path: "deepfakeSigns", label: "Signs of a face swap or voice changer" },
              { kind: "tristate", path: "assistanceSigns", label: "Signs of assistance in the technical test" },
            ],
          },
        ],
      },
      {
        title: "Accommodation",
        fields: [
          { kind: "tristate", path: "accommodation.requested", label: "Accommodation requested" },
          { kind: "select", path: "accommodation.reason", label: "Reason", options: opts([["disability", "Disability"], ["religious", "Religious"], ["other", "Other"]]) },
          { kind: "select", path: "accommodation.alternativePath", label: "Alternative path offered", options: opts([["notary", "Notarized identity proofing"], ["in_person", "In-person meeting"], ["captioned_video", "Captioned video"], ["text_interview", "Text interview"], ["other", "Other"]]) },
          { kind: "tristate", path: "accommodation.alternativePathCompleted", label: "Alternative path completed" },
        ],
      },
      {
        title: "Communication",
        fields: [
          { kind: "tristate", path: "communication.insistsOnTextOnly", label: "Insists on text-only communication" },
          { kind: "number", path: "communication.prepaymentRequests", label: "Requests for advances or prepayment" },
          { kind: "tristate", path: "communication.hostileWhenRefused", label: "Hostile or threatening when refused" },
          { kind: "select", path: "communication.inPersonMeeting", label: "In-person meeting", options: opts([["attended", "Attended"], ["declined", "Declined"], ["no_show", "Did not show"], ["not_offered", "Not offered"]]) },
          { kind: "select", path: "communication.drugTest", label: "Drug test", options: opts([["completed", "Completed"], ["declined", "Declined"], ["no_show", "Did not show"], ["not_required", "Not required"]]) },
        ],
      },
    ],
  },
  ONBOARDING: {
    title: "Offer and onboarding",
    stage: "ONBOARDING",
    sections: [
      {
        title: "Offer",
        fields: [
          { kind: "datetime", path: "offer.extendedAt", label: "Offer extended" },
          { kind: "datetime", path: "offer.acceptedAt", label: "Offer accepted" },
          { kind: "date", path: "offer.startDate", label: "Start date" },
          { kind: "select", path: "role.engagement", label: "Engagement", options: opts([["employee", "Employee"], ["contractor", "Contractor"]]) },
        ],
      },
      {
        title: "Payment",
        description: "Account and ID numbers are stored only as keyed hashes plus the last four digits.",
        fields: [
          { kind: "checkboxes", path: "onboarding.payment.requestedMethods", label: "Payment methods requested", options: opts([["payroll", "Payroll"], ["bank_transfer", "Bank transfer"], ["crypto", "Cryptocurrency"], ["money_transfer_platform", "Money-transfer platform"], ["check", "Check"], ["other", "Other"]]) },
          { kind: "text", path: "onboarding.payment.payeeName", label: "Payee name" },
          { kind: "text", path: "onboarding.payment.accountHolderName", label: "Bank-account holder" },
          { kind: "country", path: "onboarding.payment.accountCountry", label: "Country of the payout account", hint: "Where the bank or e-money account is held (a place, not the person's nationality)." },
          { kind: "lines", path: "observations.bankAccountNumbers", label: "Bank account numbers", hint: "One per line; hashed before storage." },
          { kind: "lines", path: "observations.walletAddresses", label: "Crypto wallet addresses", hint: "One per line; screened against the sanctions list." },
        ],
      },
      {
        title: "Equipment",
        fields: [
          ...address("onboarding.equipment.shipTo"),
          { kind: "tristate", path: "onboarding.equipment.shipTo.isFreightForwarder", label: "Ship-to is a freight forwarder" },
          { kind: "textarea", path: "onboarding.equipment.shipToReason", label: "Reason given for shipping elsewhere", hint: "As the candidate stated it, e.g. staying with family while moving. Shown beside the flag; a reviewer can accept it as an explanation.", wide: true },
          {
            kind: "list",
            path: "onboarding.equipment.shipToChanges",
            label: "Ship-to changes",
            itemLabel: "Change",
            fields: [
              { kind: "datetime", path: "at", label: "When requested", required: true },
              { kind: "text", path: "to.line1", label: "New street address" },
              { kind: "text", path: "to.city", label: "City" },
              { kind: "country", path: "to.country", label: "Country" },
            ],
          },
        ],
      },
      {
        title: "Identity proofing and post-offer checks",
        fields: [
          { kind: "select", path: "onboarding.identityProofing.documentCheck.result", label: "Identity document check", options: opts([["passed", "Passed"], ["failed", "Failed"], ["inconclusive", "Inconclusive"], ["not_run", "Not run"]]) },
          { kind: "tristate", path: "onboarding.identityProofing.alternativeProofing.offeredToAllAtStage", label: "Notary / in-person proofing offered to everyone at this stage" },
          { kind: "select", path: "onboarding.identityProofing.alternativeProofing.outcome", label: "Notary / in-person proofing", options: OFFERED },
          { kind: "select", path: "onboarding.postOfferChecks.ssnTrace", label: "SSN trace", options: opts([["match", "Match"], ["mismatch", "Mismatch"], ["pending", "Pending"], ["not_run", "Not run"]]) },
          { kind: "select", path: "onboarding.postOfferChecks.eVerify", label: "E-Verify", options: opts([["authorized", "Employment authorized"], ["tentative_nonconfirmation", "Tentative nonconfirmation"], ["final_nonconfirmation", "Final nonconfirmation"], ["pending", "Pending"], ["not_run", "Not run"]]) },
          { kind: "tristate", path: "onboarding.inPersonOnboarding.offeredToAllAtStage", label: "In-person onboarding offered to everyone" },
          { kind: "select", path: "onboarding.inPersonOnboarding.outcome", label: "In-person onboarding", options: OFFERED },
          { kind: "lines", path: "observations.governmentIdNumbers", label: "Government ID numbers", hint: "One per line; hashed before storage." },
        ],
      },
      {
        title: "After the start date: logins and sessions",
        description: "Where the hire logs in from once working (VPN, SSO or endpoint logs). Screened like the application's addresses: Tor, relays, VPNs and hosting are classified and explained, and logins from several countries in a short time are flagged.",
        fields: [
          {
            kind: "lines",
            path: "observations.ips",
            label: "Post-hire login IP addresses",
            hint: "One per line, optionally followed by when the session started (ISO time with a zone), e.g. 203.0.113.7 2026-11-03T14:00:00Z.",
            lineTo: "ip",
            ipContext: "work",
          },
        ],
      },
      {
        title: "Devices after delivery",
        fields: [
          {
            kind: "list",
            path: "onboarding.devices",
            label: "Company devices",
            itemLabel: "Device",
            fields: [
              { kind: "text", path: "shippedSerial", label: "Serial shipped" },
              { kind: "text", path: "reportedSerial", label: "Serial at check-in" },
              { kind: "country", path: "firstOnlineCountry", label: "First came online in" },
              { kind: "text", path: "remoteAccessTools.0", label: "Remote-access tool found (if any)" },
              { kind: "tristate", path: "ipKvmDetected", label: "IP-KVM detected" },
            ],
          },
        ],
      },
    ],
  },
};

export type IntakeStageKey = keyof typeof STAGE_FORMS;
export const INTAKE_STAGE_KEYS = Object.keys(STAGE_FORMS) as IntakeStageKey[];

/** The top-level profile sections a stage form owns (its submission replaces exactly these). */
export function sectionRoots(stage: IntakeStageKey): string[] {
  const roots = new Set<string>();
  const walk = (fields: FieldDef[]) => fields.forEach((f) => roots.add(f.path.split(".")[0]));
  STAGE_FORMS[stage].sections.forEach((s) => walk(s.fields));
  return [...roots];
}

/** Every rule, one file each. Order here is the evaluation order and the docs order (grouped by category). */
import type { RuleDefinition } from "./rule";
import identityDocumentAnomaly from "./rules/identity-document-anomaly";
import nameMismatch from "./rules/name-mismatch";
import photoInconsistent from "./rules/photo-inconsistent";
import identityBelongsToOther from "./rules/identity-belongs-to-other";
import intervieweeNotWorker from "./rules/interviewee-not-worker";
import deepfakeSigns from "./rules/deepfake-signs";
import declinedIdentityProofing from "./rules/declined-identity-proofing";
import ipCountryMismatch from "./rules/ip-country-mismatch";
import anonymisedConnection from "./rules/anonymised-connection";
import multiCountryLogins from "./rules/multi-country-logins";
import persistentSessionsOrRdp from "./rules/persistent-sessions-or-rdp";
import activityOutsideClaimedTimezone from "./rules/activity-outside-claimed-timezone";
import failedLocationCheck from "./rules/failed-location-check";
import deviceFirstOnlineElsewhere from "./rules/device-first-online-elsewhere";
import unverifiableEmployment from "./rules/unverifiable-employment";
import unverifiableReferences from "./rules/unverifiable-references";
import profileResumeMismatch from "./rules/profile-resume-mismatch";
import newProfileImplausibleHistory from "./rules/new-profile-implausible-history";
import knownFrontEmployer from "./rules/known-front-employer";
import fabricatedEmployer from "./rules/fabricated-employer";
import assistanceDuringTest from "./rules/assistance-during-test";
import overlappingJobs from "./rules/overlapping-jobs";
import technologyBeforeItExisted from "./rules/technology-before-it-existed";
import lowRateHighRating from "./rules/low-rate-high-rating";
import identityChurn from "./rules/identity-churn";
import staffingAgencyRisk from "./rules/staffing-agency-risk";
import cameraRefusal from "./rules/camera-refusal";
import avoidsInPerson from "./rules/avoids-in-person";
import textOnlyInsistence from "./rules/text-only-insistence";
import prepaymentRequests from "./rules/prepayment-requests";
import postHireExfiltration from "./rules/post-hire-exfiltration";
import freshContactDetails from "./rules/fresh-contact-details";
import cryptoPaymentRequest from "./rules/crypto-payment-request";
import payeeDiffers from "./rules/payee-differs";
import moneyTransferOnward from "./rules/money-transfer-onward";
import sanctionsCandidateMatch from "./rules/sanctions-candidate-match";
import concurrentEmploymentRecords from "./rules/concurrent-employment-records";
import shipToDiffersFromHome from "./rules/ship-to-differs-from-home";
import lateShipToChange from "./rules/late-ship-to-change";
import remoteAccessTooling from "./rules/remote-access-tooling";
import deviceSerialMismatch from "./rules/device-serial-mismatch";
import declinedInPersonOnboarding from "./rules/declined-in-person-onboarding";
import sharedContactIdentifier from "./rules/shared-contact-identifier";
import sharedShipTo from "./rules/shared-ship-to";
import nearDuplicateResume from "./rules/near-duplicate-resume";
import sharedIpOrDevice from "./rules/shared-ip-or-device";
import recurringFrontEmployers from "./rules/recurring-front-employers";
import flaggedReferrer from "./rules/flagged-referrer";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous config types; each rule's config is validated by its own schema
export const ruleRegistry: readonly RuleDefinition<any>[] = [
  identityDocumentAnomaly,
  nameMismatch,
  photoInconsistent,
  identityBelongsToOther,
  intervieweeNotWorker,
  deepfakeSigns,
  declinedIdentityProofing,
  ipCountryMismatch,
  anonymisedConnection,
  multiCountryLogins,
  persistentSessionsOrRdp,
  activityOutsideClaimedTimezone,
  failedLocationCheck,
  deviceFirstOnlineElsewhere,
  unverifiableEmployment,
  unverifiableReferences,
  profileResumeMismatch,
  newProfileImplausibleHistory,
  knownFrontEmployer,
  fabricatedEmployer,
  assistanceDuringTest,
  overlappingJobs,
  technologyBeforeItExisted,
  lowRateHighRating,
  identityChurn,
  staffingAgencyRisk,
  cameraRefusal,
  avoidsInPerson,
  textOnlyInsistence,
  prepaymentRequests,
  postHireExfiltration,
  freshContactDetails,
  cryptoPaymentRequest,
  payeeDiffers,
  moneyTransferOnward,
  sanctionsCandidateMatch,
  concurrentEmploymentRecords,
  shipToDiffersFromHome,
  lateShipToChange,
  remoteAccessTooling,
  deviceSerialMismatch,
  declinedInPersonOnboarding,
  sharedContactIdentifier,
  sharedShipTo,
  nearDuplicateResume,
  sharedIpOrDevice,
  recurringFrontEmployers,
  flaggedReferrer,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const rulesById: ReadonlyMap<string, RuleDefinition<any>> = new Map(ruleRegistry.map((r) => [r.id, r]));
export const RULE_IDS: readonly string[] = ruleRegistry.map((r) => r.id);

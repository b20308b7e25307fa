export * from "./types";
export { parseOfacCsv, type OfacCsvFiles, type OfacCsvOptions } from "./parse-csv";
export { parseSdnXml } from "./parse-xml";
export { normaliseName, LEGAL_FORM_WORDS, GENERIC_WORDS, GENERIC_WEIGHT, type NormalisedName } from "./normalise-name";
export { KOREAN_ROMANISATION_GROUPS, romanisationVariants } from "./korean-variants";
export {
  buildSanctionsIndex,
  DEFAULT_THRESHOLD,
  type SanctionsCandidate,
  type SanctionsIndex,
  type ScreenOptions,
  type TokenPairScore,
  type WalletCandidate,
} from "./screening-index";
export {
  corroborate,
  ofacCountryCode,
  parseListedDob,
  CORROBORATING_ATTRIBUTES,
  type ApplicantAttributes,
  type CorroboratingAttribute,
  type Corroboration,
  type CorroborationItem,
} from "./corroborate";

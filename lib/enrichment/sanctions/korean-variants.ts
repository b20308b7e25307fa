// Romanisations of the same Korean syllable/name (McCune–Reischauer, Revised Romanization and common
// spellings). Applied ONLY to listed names at index time, so that "Chong Song Hwa" reaches the listed
// "JONG, Song Hwa". It is never a signal about the applicant: we do not look at the applicant's name origin
// (red-flags.md: "Never score ... name origin or romanisation").
export const KOREAN_ROMANISATION_GROUPS: readonly (readonly string[])[] = [
  ["kim", "gim"],
  ["pak", "park", "bak", "pack"],
  ["ri", "rhee", "lee", "yi", "rhie", "rhi"],
  ["jong", "chong", "jung", "cheong", "chung", "jeong"],
  ["son", "sohn"],
  ["choe", "choi", "chwe", "choy"],
  ["kang", "gang"],
  ["ko", "go", "koh"],
  ["han", "hahn"],
  ["yun", "yoon"],
  ["jo", "cho"],
  ["chol", "cheol", "chul"],
  ["song", "seong", "sung"],
  ["u", "woo", "wu"],
  ["myong", "myung", "myeong"],
  ["hwa", "hwah"],
  ["sang", "sahng"],
  ["yong", "young", "yeong"],
  ["kyong", "kyung", "gyeong", "kyeong"],
  ["hyon", "hyun", "hyeon"],
  ["sok", "seok", "suk"],
  ["chon", "jeon", "cheon", "jon"],
  ["pyong", "pyung", "pyeong"],
  ["kwang", "gwang"],
  ["hun", "hoon"],
  ["su", "soo"],
  ["un", "eun"],
  ["ung", "eung"],
  ["sun", "seon"],
  ["dok", "deok", "duk"],
  ["kum", "geum", "keum"],
  ["ryu", "yu", "yoo"],
  ["o", "oh"],
  ["rim", "lim", "im"],
  ["ryang", "yang"],
  ["chang", "jang"],
  ["chin", "jin"],
  ["kyu", "gyu"],
  ["il", "eel"],
  ["hyok", "hyeok", "hyuk"],
];

const bySpelling = new Map<string, readonly string[]>();
for (const group of KOREAN_ROMANISATION_GROUPS) for (const s of group) bySpelling.set(s, group);

/** The other spellings of a listed token (including itself), or just the token when it has none. */
export function romanisationVariants(token: string): readonly string[] {
  return bySpelling.get(token) ?? [token];
}

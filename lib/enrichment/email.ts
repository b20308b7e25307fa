// Email enrichment: syntax, canonical form (for cross-applicant linkage, LNK-01), disposable domain and free
// webmail. Email age cannot be known offline; first-seen is recorded in the database (lib/server).
import { disposableEmailBlocklistSet } from "disposable-email-domains-js";

/**
 * How providers treat the local part. `dots`: dots are ignored; `tag`: the sub-address separator whose suffix is
 * ignored. Sources: the providers' help pages on "dots don't matter" (Gmail) and sub-addressing / plus addressing
 * (Outlook.com, iCloud+, Fastmail, Proton) and Yahoo's disposable addresses (base-keyword, hyphen separated).
 */
export const LOCAL_PART_RULES: Readonly<Record<string, { dots: boolean; tag: "+" | "-" | null; canonicalDomain?: string }>> = {
  "gmail.com": { dots: true, tag: "+" },
  "googlemail.com": { dots: true, tag: "+", canonicalDomain: "gmail.com" },
  "outlook.com": { dots: false, tag: "+" },
  "hotmail.com": { dots: false, tag: "+" },
  "live.com": { dots: false, tag: "+" },
  "msn.com": { dots: false, tag: "+" },
  "yahoo.com": { dots: false, tag: "-" },
  "ymail.com": { dots: false, tag: "-" },
  "icloud.com": { dots: false, tag: "+" },
  "me.com": { dots: false, tag: "+" },
  "mac.com": { dots: false, tag: "+" },
  "fastmail.com": { dots: false, tag: "+" },
  "fastmail.fm": { dots: false, tag: "+" },
  "protonmail.com": { dots: false, tag: "+" },
  "proton.me": { dots: false, tag: "+" },
  "pm.me": { dots: false, tag: "+" },
  "protonmail.ch": { dots: false, tag: "+" },
};

/**
 * Major free webmail providers (our own list; the `free-email-domains` package is not used because its
 * install script downloads). Free webmail is weak evidence on its own: most applicants use one.
 */
export const FREE_WEBMAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com", "googlemail.com",
  "outlook.com", "hotmail.com", "live.com", "msn.com", "hotmail.co.uk", "outlook.fr", "hotmail.fr", "live.co.uk",
  "yahoo.com", "ymail.com", "rocketmail.com", "yahoo.co.uk", "yahoo.co.jp", "yahoo.fr", "yahoo.de", "yahoo.com.br",
  "icloud.com", "me.com", "mac.com",
  "aol.com", "aim.com",
  "protonmail.com", "proton.me", "pm.me", "protonmail.ch",
  "tutanota.com", "tuta.io", "tutanota.de", "tutamail.com",
  "fastmail.com", "fastmail.fm",
  "zoho.com", "zohomail.com",
  "gmx.com", "gmx.net", "gmx.de", "gmx.at", "web.de",
  "mail.com", "email.com",
  "yandex.com", "yandex.ru", "ya.ru", "mail.ru", "inbox.ru", "list.ru", "bk.ru", "rambler.ru",
  "qq.com", "163.com", "126.com", "sina.com", "sina.cn", "sohu.com", "yeah.net", "aliyun.com", "foxmail.com",
  "naver.com", "daum.net", "hanmail.net", "kakao.com",
  "rediffmail.com", "libero.it", "orange.fr", "laposte.net", "free.fr", "t-online.de",
  "hushmail.com", "mailfence.com", "posteo.de", "disroot.org", "skiff.com",
]);

export interface EmailFacts {
  input: string;
  validSyntax: boolean;
  /** Lower-cased address with provider-specific dots/tags removed; null when the syntax is invalid. */
  canonical: string | null;
  localPart: string | null;
  domain: string | null;
  disposable: boolean | null;
  freeWebmail: boolean | null;
  /** The input used a sub-address tag or ignored dots that the canonical form removed. */
  hadAlias: boolean;
}

let disposable: Set<string> | null = null;

function isDisposableDomain(domain: string): boolean {
  // Load once: the package's own isDisposableEmailDomain() rebuilds a 100k-entry Set on every call.
  disposable ??= disposableEmailBlocklistSet();
  if (disposable.has(domain)) return true;
  // Subdomains of a listed domain (x.mailinator.com) are disposable too.
  for (let i = domain.indexOf("."); i >= 0 && i < domain.length - 1; i = domain.indexOf(".", i + 1)) {
    if (disposable.has(domain.slice(i + 1)) && domain.slice(i + 1).includes(".")) return true;
  }
  return false;
}

// Pragmatic syntax check (RFC 5322 dot-atom local part, LDH domain with a TLD); quoted local parts are rejected —
// no real applicant uses them and they complicate linkage.
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function enrichEmail(input: string): EmailFacts {
  const facts: EmailFacts = {
    input,
    validSyntax: false,
    canonical: null,
    localPart: null,
    domain: null,
    disposable: null,
    freeWebmail: null,
    hadAlias: false,
  };
  if (typeof input !== "string") return facts;
  const text = input.trim().toLowerCase();
  const at = text.lastIndexOf("@");
  if (at <= 0 || at > 64 || text.length > 254) return facts;
  const local = text.slice(0, at);
  let domain = text.slice(at + 1).replace(/\.$/, "");
  if (!LOCAL.test(local) || !DOMAIN.test(domain)) return facts;
  facts.validSyntax = true;
  facts.disposable = isDisposableDomain(domain);
  facts.freeWebmail = FREE_WEBMAIL_DOMAINS.has(domain);

  const rule = LOCAL_PART_RULES[domain];
  let canonicalLocal = local;
  if (rule) {
    if (rule.tag) {
      const cut = canonicalLocal.indexOf(rule.tag);
      if (cut > 0) canonicalLocal = canonicalLocal.slice(0, cut);
    }
    if (rule.dots) canonicalLocal = canonicalLocal.replace(/\./g, "");
    domain = rule.canonicalDomain ?? domain;
  }
  facts.localPart = canonicalLocal;
  facts.domain = domain;
  facts.canonical = `${canonicalLocal}@${domain}`;
  facts.hadAlias = canonicalLocal !== local;
  return facts;
}

/** Canonical address for linkage, or null when the syntax is invalid. */
export function canonicalEmail(input: string): string | null {
  return enrichEmail(input).canonical;
}

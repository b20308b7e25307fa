// Parser for OFAC's SDN.XML (sdnList schema). A small pull tokenizer of our own (no dependency): it walks tags in
// order, keeps only the current <sdnEntry> subtree in memory and converts it when the entry closes, so memory
// stays flat on the full list. Namespace prefixes are ignored; unknown elements are skipped.
import {
  digitalCurrencyAddressesIn,
  isPersonalIdType,
  SanctionsFileError,
  type AliasType,
  type SanctionsAlias,
  type SanctionsEntry,
  type SanctionsList,
  type SdnType,
} from "./types";

interface XmlNode {
  name: string;
  line: number;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(file: string, line: number, text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) throw new SanctionsFileError(file, line, `bad character reference ${whole}`);
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[body];
    if (v === undefined) throw new SanctionsFileError(file, line, `unknown entity ${whole}`);
    return v;
  });
}

const localName = (qname: string) => qname.slice(qname.indexOf(":") + 1);

function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}
function childText(node: XmlNode, name: string): string | null {
  const t = child(node, name)?.text.trim();
  return t ? t : null;
}
function children(node: XmlNode, listName: string, itemName: string): XmlNode[] {
  return child(node, listName)?.children.filter((c) => c.name === itemName) ?? [];
}

const SDN_TYPES: Record<string, SdnType> = { individual: "individual", entity: "entity", vessel: "vessel", aircraft: "aircraft" };
const AKA_TYPES: Record<string, AliasType> = { "a.k.a.": "aka", "f.k.a.": "fka", "n.k.a.": "nka" };

function personName(last: string | null, first: string | null): string | null {
  if (last && first) return `${last}, ${first}`;
  return last ?? first;
}

function uid(file: string, node: XmlNode, what: string): number {
  const t = childText(node, "uid");
  if (t === null) throw new SanctionsFileError(file, node.line, `${what} without uid`);
  if (!/^\d+$/.test(t)) throw new SanctionsFileError(file, node.line, `${what} uid is not a whole number: "${t}"`);
  return Number(t);
}

function toEntry(file: string, node: XmlNode): SanctionsEntry {
  const entNum = uid(file, node, "sdnEntry");
  const rawType = (childText(node, "sdnType") ?? "").toLowerCase();
  const type = SDN_TYPES[rawType];
  if (!type) throw new SanctionsFileError(file, node.line, `sdnEntry ${entNum}: unknown sdnType "${rawType}"`);
  const name = personName(childText(node, "lastName"), childText(node, "firstName"));
  if (!name) throw new SanctionsFileError(file, node.line, `sdnEntry ${entNum} has no lastName`);
  const aliases: SanctionsAlias[] = children(node, "akaList", "aka").map((aka) => {
    const rawAka = (childText(aka, "type") ?? "a.k.a.").toLowerCase();
    const akaType = AKA_TYPES[rawAka];
    if (!akaType) throw new SanctionsFileError(file, aka.line, `unknown aka type "${rawAka}"`);
    const akaName = personName(childText(aka, "lastName"), childText(aka, "firstName"));
    if (!akaName) throw new SanctionsFileError(file, aka.line, "aka without a name");
    const category = childText(aka, "category")?.toLowerCase();
    return {
      altNum: uid(file, aka, "aka"),
      type: akaType,
      name: akaName,
      strength: category === "strong" || category === "weak" ? category : null,
    };
  });
  const addresses = children(node, "addressList", "address").map((a) => {
    const street = ["address1", "address2", "address3"].map((n) => childText(a, n)).filter(Boolean).join(", ");
    const csp = ["city", "stateOrProvince", "postalCode"].map((n) => childText(a, n)).filter(Boolean).join(" ");
    return {
      addNum: uid(file, a, "address"),
      address: street || null,
      cityStatePostal: csp || null,
      country: childText(a, "country"),
      remarks: null,
    };
  });
  const remarks = childText(node, "remarks");
  const ids = children(node, "idList", "id").map((id) => ({ type: childText(id, "idType") ?? "", number: childText(id, "idNumber"), country: childText(id, "idCountry") }));
  const idNumbers = ids.filter((id) => isPersonalIdType(id.type) && id.number).map((id) => ({ type: id.type, number: id.number!, country: id.country }));
  const datesOfBirth = children(node, "dateOfBirthList", "dateOfBirthItem")
    .map((d) => childText(d, "dateOfBirth"))
    .filter((d): d is string => Boolean(d));
  const wallets = ids
    .filter((id) => id.type.startsWith("Digital Currency Address") && id.number)
    .map((id) => ({ currency: id.type.replace("Digital Currency Address - ", "").trim().toUpperCase(), address: id.number! }));
  const fromRemarks = digitalCurrencyAddressesIn(remarks).filter((r) => !wallets.some((w) => w.address === r.address));
  return {
    entNum,
    name,
    type,
    programs: children(node, "programList", "program").map((p) => p.text.trim()).filter(Boolean),
    title: childText(node, "title"),
    remarks,
    aliases,
    addresses,
    digitalCurrencyAddresses: [...wallets, ...fromRemarks],
    datesOfBirth,
    idNumbers,
  };
}

/** "12/31/2021" (OFAC's MM/DD/YYYY) → "2021-12-31"; null when absent or unreadable. */
function publishDate(text: string | null): string | null {
  const m = text ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim()) : null;
  if (!m) return null;
  return `${m[3]}-${m[1].padStart(2, "0")}-${m[2].padStart(2, "0")}`;
}

/** Parses SDN.XML text into a SanctionsList. Malformed input throws SanctionsFileError (file, line, reason). */
export function parseSdnXml(xml: string, options: { fileName?: string } = {}): SanctionsList {
  const file = options.fileName ?? "SDN.XML";
  const entries: SanctionsEntry[] = [];
  const seen = new Set<number>();
  const stack: XmlNode[] = [];
  let publishedAt: string | null = null;
  let sawRoot = false;
  let pos = 0;
  let line = 1;
  const advanceTo = (to: number) => {
    for (let i = xml.indexOf("\n", pos); i >= 0 && i < to; i = xml.indexOf("\n", i + 1)) line++;
    pos = to;
  };
  // Only text inside sdnEntry and publshInformation matters; elsewhere it is skipped cheaply.
  const keeping = () => stack.length > 0 && (stack.some((n) => n.name === "sdnEntry" || n.name === "publshInformation"));

  while (pos < xml.length) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) {
      if (xml.slice(pos).trim() && stack.length) throw new SanctionsFileError(file, line, "text after the last element");
      break;
    }
    if (lt > pos) {
      const raw = xml.slice(pos, lt);
      const startLine = line;
      advanceTo(lt);
      if (keeping() && raw.trim()) stack[stack.length - 1].text += decodeEntities(file, startLine, raw);
    }
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) throw new SanctionsFileError(file, line, "unterminated comment");
      advanceTo(end + 3);
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) throw new SanctionsFileError(file, line, "unterminated CDATA section");
      if (keeping()) stack[stack.length - 1].text += xml.slice(lt + 9, end);
      advanceTo(end + 3);
      continue;
    }
    if (xml.startsWith("<?", lt) || xml.startsWith("<!", lt)) {
      const end = xml.indexOf(">", lt);
      if (end < 0) throw new SanctionsFileError(file, line, "unterminated declaration");
      advanceTo(end + 1);
      continue;
    }
    const gt = xml.indexOf(">", lt);
    if (gt < 0) throw new SanctionsFileError(file, line, "unterminated tag");
    const tagLine = line;
    const body = xml.slice(lt + 1, gt);
    advanceTo(gt + 1);
    if (body.startsWith("/")) {
      const name = localName(body.slice(1).trim());
      const open = stack.pop();
      if (!open || open.name !== name) {
        throw new SanctionsFileError(file, tagLine, `closing </${name}> does not match <${open?.name ?? "nothing"}>`);
      }
      if (name === "sdnEntry" && stack.length === 1) {
        const entry = toEntry(file, open);
        if (seen.has(entry.entNum)) throw new SanctionsFileError(file, open.line, `duplicate sdnEntry uid ${entry.entNum}`);
        seen.add(entry.entNum);
        entries.push(entry);
      } else if (name === "publshInformation") {
        publishedAt = publishDate(childText(open, "Publish_Date"));
      } else if (stack.length && keeping()) {
        stack[stack.length - 1].children.push(open);
      }
      continue;
    }
    const selfClosing = body.endsWith("/");
    const nameMatch = /^[^\s/>]+/.exec(body);
    if (!nameMatch) throw new SanctionsFileError(file, tagLine, "tag without a name");
    const name = localName(nameMatch[0]);
    if (stack.length === 0) {
      if (name !== "sdnList") throw new SanctionsFileError(file, tagLine, `root element is <${name}>, expected <sdnList>`);
      if (sawRoot) throw new SanctionsFileError(file, tagLine, "second root element");
      sawRoot = true;
    }
    const node: XmlNode = { name, line: tagLine, children: [], text: "" };
    if (selfClosing) {
      if (keeping()) stack[stack.length - 1].children.push(node);
    } else stack.push(node);
  }
  if (!sawRoot) throw new SanctionsFileError(file, null, "no <sdnList> element");
  if (stack.length) throw new SanctionsFileError(file, line, `unclosed <${stack[stack.length - 1].name}>`);
  return { source: "ofac-xml", publishedAt, entries };
}

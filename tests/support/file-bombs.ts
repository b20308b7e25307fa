import { once } from "node:events";
import { createDeflate, crc32, deflateRawSync } from "node:zlib";

// Decompression bombs shaped like résumés (Word documents and PDFs), built in memory for the résumé-extraction tests
// (the unit tests and the end-to-end test that checks the server stays responsive). Not committed as files: the
// point is what they unpack to, and building them takes about a second.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A zip of deflated entries (APPNOTE.TXT, no data descriptors); `lieAboutSize` declares 1 KB for every entry. */
export function makeZip(files: [name: string, content: Buffer | string][], { lieAboutSize = false } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  // The same content (a bomb's identical parts) is deflated once.
  const packedOf = new Map<Buffer | string, { packed: Buffer; crc: number; size: number }>();
  let offset = 0;
  for (const [name, content] of files) {
    const nameBytes = Buffer.from(name, "utf8");
    let entry = packedOf.get(content);
    if (!entry) {
      const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
      entry = { packed: deflateRawSync(data, { level: 9 }), crc: crc32(data), size: data.length };
      packedOf.set(content, entry);
    }
    const { packed, crc, size } = entry;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(lieAboutSize ? 1024 : size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(lieAboutSize ? 1024 : size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A paragraph of text, and one of formatting only (no text to collect: the reader has to parse it all). */
const PARAGRAPHS = { text: "<w:p><w:r><w:t>Word</w:t></w:r></w:p>", textless: '<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/></w:rPr></w:r></w:p>' };

/**
 * WordprocessingML of about `bytes` bytes: one short paragraph over and over, so it deflates several hundredfold and
 * is still real work to read (every paragraph is a run of tags).
 */
export function wordXmlOfSize(bytes: number, root = "w:hdr", paragraph: keyof typeof PARAGRAPHS = "text"): Buffer {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${root} ${W}>`;
  const tail = `</${root}>`;
  const p = PARAGRAPHS[paragraph];
  return Buffer.from(head + p.repeat(Math.max(0, Math.ceil((bytes - head.length - tail.length) / p.length))) + tail, "utf8");
}

/**
 * The security review's bomb: a small DOCX whose `headers` header parts each unpack to `headerBytes` (the review's
 * file was 785 KB with ten 31 MB headers — each just under the old 32 MB per-part limit, 310 MB in all; this one is
 * ~950 KB). `documentBytes` makes the main document that large too; `lieAboutSize` hides the sizes in the directory;
 * `textless` fills the parts with formatting only, which has to be parsed to the end.
 */
export function makeHeaderBombDocx({ headers = 10, headerBytes = 31 * 1024 * 1024, documentBytes = 0, lieAboutSize = false, textless = false } = {}): Buffer {
  const paragraph = textless ? "textless" : "text";
  const header = wordXmlOfSize(headerBytes, "w:hdr", paragraph);
  const relationships = Array.from({ length: headers }, (_, i) => `<Relationship Id="rIdH${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header${i + 1}.xml"/>`);
  return makeZip([
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ],
    ["word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join("")}</Relationships>`],
    [
      "word/document.xml",
      documentBytes
        ? wordXmlOfSize(documentBytes, "w:document", paragraph)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body><w:p><w:r><w:t>Jordan Bomb</w:t></w:r></w:p></w:body></w:document>`,
    ],
    ...Array.from({ length: headers }, (_, i): [string, Buffer] => [`word/header${i + 1}.xml`, header]),
  ], { lieAboutSize });
}

/**
 * A one-page PDF whose content stream (FlateDecode) unpacks to `decodedBytes` of spaces: ~1 KB of file per MB.
 * pdf.js decodes it into ArrayBuffers, outside the V8 heap the worker's resourceLimits bound.
 */
export async function makePdfBomb(decodedBytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const packed: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => packed.push(chunk));
  const ended = once(deflate, "end");
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let written = 0; written < decodedBytes; written += block.length) {
    if (!deflate.write(block)) await once(deflate, "drain");
  }
  deflate.end();
  await ended;
  const content = Buffer.concat(packed);
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  let offset = parts[0].length;
  const object = (n: number, body: Buffer) => {
    offsets[n] = offset;
    const bytes = Buffer.concat([Buffer.from(`${n} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(bytes);
    offset += bytes.length;
  };
  object(1, Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"));
  object(2, Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
  object(3, Buffer.from("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"));
  object(4, Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content, Buffer.from("\nendstream")]));
  const xref = ["xref", "0 5", "0000000000 65535 f ", ...[1, 2, 3, 4].map((n) => `${String(offsets[n]).padStart(10, "0")} 00000 n `)].join("\n");
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

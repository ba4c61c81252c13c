// Writes examples/03-invoice.pdf: a two-page invoice with a text layer, for the example dossier and
// the PDF ingest tests. Run: node scripts/make-example-pdf.mjs
import { writeFileSync } from "node:fs";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** Builds a PDF whose pages carry the given lines; returns its bytes. */
export async function buildPdf(pages, metadata = {}) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  if (metadata.title) pdf.setTitle(metadata.title);
  if (metadata.author) pdf.setAuthor(metadata.author);
  if (metadata.created) pdf.setCreationDate(metadata.created);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => {
      page.drawText(line, { x: 50, y: 780 - i * 18, size: 11, font });
    });
  }
  return pdf.save();
}

const invoice = [
  [
    "ZHEJIANG BRIGHTWING TECHNOLOGY CO., LTD.",
    "Hangzhou, Zhejiang, China",
    "This invoice is a fictional example written for Skein's documentation. All names are invented.",
    "",
    "Commercial invoice BW-2024-1187, dated November 28, 2024.",
    "Seller: Zhejiang Brightwing Technology Co., Ltd.",
    "Buyer: Baltic Relay Trading LLC, St. Petersburg, Russia.",
    "Consignee: Orlov Precision Instruments JSC, Tula, Russia.",
  ],
  [
    "Items",
    "40 x BW-40 piston engine, unit price CNY 62,000",
    "25 x SR-7 flight controller, unit price CNY 21,500",
    "Total: CNY 3,017,500, payable by Baltic Relay Trading LLC within 30 days.",
    "Brightwing supplied the goods to Baltic Relay Trading LLC under contract BR-07 of August 2024.",
  ],
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const bytes = await buildPdf(invoice, {
    title: "Commercial invoice BW-2024-1187",
    author: "Zhejiang Brightwing Technology Co., Ltd.",
    created: new Date("2024-11-28T00:00:00Z"),
  });
  writeFileSync(new URL("../examples/03-invoice.pdf", import.meta.url), bytes);
  console.log("wrote examples/03-invoice.pdf");
}

#!/usr/bin/env python3
"""Writes the PDF fixtures of the ingest tests: small Japanese PDFs made by hand.

A Japanese PDF as many offices publish it: text in a CID-keyed font that is not embedded
(HeiseiMin-W3, the standard Adobe-Japan1 name), encoded UniJIS-UCS2-H, so the text layer is
UTF-16 and poppler-data's CMaps turn it back into Unicode. One page per list item; a second
PDF has only a drawing and no text layer (a scan, as far as pdftotext can tell).

    python3 scripts/make-pdf-fixtures.py Tests/RenkeiIngestTests/Fixtures
    python3 scripts/make-pdf-fixtures.py /tmp/pdfbench --bench 20 --pages 50   # for timing

With --bench N, it writes N PDFs of --pages pages each instead, their lines taken from the
seed pages in Corpus/ (33 lines of up to 30 characters a page), to time PDF ingest.
"""
import argparse
import sys
from pathlib import Path

PAGES = [
    ["日野市と株式会社ひのでエネルギーとの", "包括連携協定について", "報道発表資料 令和6年4月1日"],
    ["1 協定の目的", "地域の脱炭素化と防災力の向上に向けて、", "双方の資源を活用して連携します。"],
    ["2 締結日", "令和6年4月1日、日野市と株式会社ひのでエネルギーは包括連携", "協定を締結しました。",
     "3 連携事項 再生可能エネルギーの普及、災害時の電力供給"],
]


def pdf(page_streams, with_font):
    """A PDF file of the given page content streams, as bytes."""
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages = add(None)
    font = None
    if with_font:
        descendant = add(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3"
                         b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >>"
                         b" /FontDescriptor " + str(len(objects) + 2).encode() + b" 0 R /DW 1000 >>")
        font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /UniJIS-UCS2-H"
                   b" /DescendantFonts [" + str(descendant).encode() + b" 0 R] >>")
        add(b"<< /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6 /FontBBox [-123 -257 1001 910]"
            b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 69 >>")
    kids = []
    for stream in page_streams:
        content = add(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
        resources = b"<< /Font << /F1 " + str(font).encode() + b" 0 R >> >>" if font else b"<< >>"
        kids.append(add(b"<< /Type /Page /Parent " + str(pages).encode() + b" 0 R /MediaBox [0 0 595 842]"
                        b" /Resources " + resources + b" /Contents " + str(content).encode() + b" 0 R >>"))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages " + str(pages).encode() + b" 0 R >>"
    objects[pages - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(str(k).encode() + b" 0 R" for k in kids)
                          + b"] /Count " + str(len(kids)).encode() + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += (b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root " + str(catalog).encode()
            + b" 0 R >>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n")
    return bytes(out)


def text_page(lines):
    """A content stream drawing each line in the CID font, 22 points apart (16-point type)."""
    stream = b"BT /F1 16 Tf 60 760 Td "
    for index, line in enumerate(lines):
        if index:
            stream += b"0 -22 Td "
        stream += b"<" + line.encode("utf-16-be").hex().upper().encode() + b"> Tj "
    return stream + b"ET"


def corpus_lines():
    """Lines of the seed pages, cut to 30 characters (a printed line of 16-point type)."""
    lines = []
    for path in sorted(Path("Corpus").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            while line:
                lines.append(line[:30])
                line = line[30:]
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default="Tests/RenkeiIngestTests/Fixtures")
    parser.add_argument("--bench", type=int, default=0, help="write this many benchmark PDFs instead")
    parser.add_argument("--pages", type=int, default=50)
    arguments = parser.parse_args()
    folder = Path(arguments.folder)
    folder.mkdir(parents=True, exist_ok=True)
    if arguments.bench:
        lines = corpus_lines()
        position = 0
        for number in range(arguments.bench):
            pages = []
            for _ in range(arguments.pages):
                pages.append(text_page([lines[(position + i) % len(lines)] for i in range(33)]))
                position += 33
            (folder / f"bench-{number:03d}.pdf").write_bytes(pdf(pages, with_font=True))
        return
    (folder / "press-release.pdf").write_bytes(pdf([text_page(lines) for lines in PAGES], with_font=True))
    (folder / "scanned.pdf").write_bytes(pdf([b"0.5 g 100 100 300 400 re f"], with_font=False))


if __name__ == "__main__":
    main()

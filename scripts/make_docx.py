#!/usr/bin/env python3
"""Build tests/corpus/formats/brief.docx from brief.txt (python3 standard library only).

The .docx is small but real: a heading style for the title, runs split mid-sentence
(bold), a tracked deletion (w:delText, not prose), a table cell, a line break (w:br) and
a tab inside a paragraph. Each non-empty line of brief.txt becomes one paragraph. The zip
is reproducible (fixed timestamps).

    python3 scripts/make_docx.py            # writes tests/corpus/formats/brief.docx
"""
import pathlib
import zipfile
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "formats"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def run(text, bold=False):
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def paragraph_for(line):
    if line.startswith("Indien "):
        # "Indien" in bold: the finding spans a run boundary in the XML.
        return para(run("Indien", bold=True), run(line[len("Indien"):]))
    if line.startswith("Wij hebben"):
        deleted = '<w:del w:id="1" w:author="Redactie"><w:r><w:delText>Indien niet </w:delText></w:r></w:del>'
        return para(deleted + run(line))
    if line.startswith("Hebt u vragen?"):
        cell = f"<w:tc><w:tcPr><w:tcW w:w=\"9000\" w:type=\"dxa\"/></w:tcPr>{para(run(line))}</w:tc>"
        return f"<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tr>{cell}</w:tr></w:tbl>"
    return para(run(line))


def document(lines):
    body = [para(run(lines[0]), style="Heading1")]
    rest = [line for line in lines[1:] if line.strip()]
    # The closing lines: one paragraph with line breaks and a tab.
    closing = rest[-3:]
    for line in rest[:-3]:
        body.append(paragraph_for(line))
    body.append(
        para(
            run(closing[0]),
            '<w:r><w:br/></w:r>',
            run(closing[1]),
            '<w:r><w:br/><w:tab/></w:r>',
            run(closing[2]),
        )
    )
    sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}{sect}</w:body></w:document>'
    )


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style></w:styles>"""


def main():
    lines = (CORPUS / "brief.txt").read_text(encoding="utf-8").splitlines()
    out = CORPUS / "brief.docx"
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/styles.xml", STYLES),
        ("word/document.xml", document(lines)),
    ]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))
    print(f"geschreven: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

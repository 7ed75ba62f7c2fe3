#!/usr/bin/env python3
"""Build the .eml files of tests/corpus/formats/ from brief.txt and brief.html.

- brief.eml: multipart/alternative, text/plain 8bit UTF-8 (exact positions) with a
  signature and a quoted reply, plus the HTML as quoted-printable (not read: text/plain wins);
- brief-html-qp.eml: only the HTML, quoted-printable (positions per encoded run);
- brief-base64.eml: text/plain in base64 (positions per line, approximate);
- brief-latin1.eml: text/plain 8bit ISO-8859-1 (the file is not UTF-8).

CRLF line endings, as mail is stored. Python 3 standard library only.

    python3 scripts/make_eml.py
"""
import base64
import pathlib
import quopri

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "formats"

HEADERS = (
    "From: Gemeente Lindenburg <parkeren@lindenburg.example>\n"
    "To: J. Jansen <j.jansen@example.nl>\n"
    "Subject: {subject}\n"
    "Date: Mon, 5 May 2025 10:00:00 +0200\n"
    "Message-ID: <{id}@lindenburg.example>\n"
    "MIME-Version: 1.0\n"
)

SIGNATURE_AND_QUOTE = (
    "-- \n"
    "Gemeente Lindenburg | Indien u deze e-mail niet wilt ontvangen, mail ons.\n"
    "\n"
    "Op vr 2 mei 2025 om 09:12 schreef J. Jansen <j.jansen@example.nl>:\n"
    "> Indien mogelijk wil ik niet lang wachten op mijn vergunning.\n"
)


def crlf(s):
    return s.replace("\r\n", "\n").replace("\n", "\r\n")


def write(name, text, encoding="utf-8"):
    (CORPUS / name).write_bytes(crlf(text).encode(encoding))
    print(f"geschreven: tests/corpus/formats/{name}")


def main():
    lines = (CORPUS / "brief.txt").read_text(encoding="utf-8").split("\n")
    subject = lines[0]
    body = "\n".join(lines[2:]).rstrip("\n") + "\n"
    html = (CORPUS / "brief.html").read_text(encoding="utf-8")
    html_qp = quopri.encodestring(crlf(html).encode("utf-8")).decode("ascii")

    write(
        "brief.eml",
        HEADERS.format(subject=subject, id="brief-1")
        + 'Content-Type: multipart/alternative; boundary="grens-123"\n\n'
        "Dit is een bericht in MIME-formaat.\n\n"
        "--grens-123\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        + body
        + SIGNATURE_AND_QUOTE
        + "\n--grens-123\n"
        "Content-Type: text/html; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n\n"
        + html_qp
        + "\n--grens-123--\n",
    )
    write(
        "brief-html-qp.eml",
        HEADERS.format(subject=subject, id="brief-2")
        + "Content-Type: text/html; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n\n" + html_qp,
    )
    b64 = base64.encodebytes(crlf(body + SIGNATURE_AND_QUOTE).encode("utf-8")).decode("ascii")
    write(
        "brief-base64.eml",
        HEADERS.format(subject=subject, id="brief-3")
        + "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: base64\n\n" + b64,
    )
    write(
        "brief-latin1.eml",
        HEADERS.format(subject=subject, id="brief-4")
        + "Content-Type: text/plain; charset=ISO-8859-1\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        # ISO-8859-1 has no euro sign: the amount is written out; an umlaut makes the
        # file invalid UTF-8.
        + (body + SIGNATURE_AND_QUOTE)
        .replace("€ 25", "25 euro")
        .replace("meneer Jansen", "meneer Müller"),
        encoding="iso-8859-1",
    )


if __name__ == "__main__":
    main()

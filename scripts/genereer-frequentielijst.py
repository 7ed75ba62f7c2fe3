#!/usr/bin/env python3
"""Regenerate wordlists/frequentie.tsv from wordfreq's Dutch data.

Only needed when the list should be rebuilt; helder itself never runs Python:
the TSV is committed and compiled into the binary.

    pip install wordfreq          # 3.1.1 was used for the committed file
    python3 scripts/genereer-frequentielijst.py > wordlists/frequentie.tsv

The output keeps the N most frequent alphabetic Dutch words (default 80,000) with a
Zipf value of at least 1.5, one decimal, in wordfreq's order (most frequent first).
The data is CC BY-SA 4.0 and includes SUBTLEX-NL; the header carries the notices
(see wordlists/LICENSE-frequentie.md).
"""

import argparse
import importlib.metadata
import re
import sys

import wordfreq

HEADER = """\
# frequentie.tsv — hoe vaak Nederlandse woorden voorkomen (Zipf-waarde), voor helder.
# Gemaakt met scripts/genereer-frequentielijst.py uit de Nederlandse gegevens van wordfreq {version}
# (lijst 'large'): de {count} meest gebruikte woorden van alleen letters met Zipf >= {min_zipf}.
# Zipf = log10(frequentie per miljard woorden): 6 = heel gewoon ('de', 'uit'), 3 = ongeveer één
# keer per miljoen woorden, lager = zeldzaam.
#
# Licentie van dit bestand: Creative Commons Naamsvermelding-GelijkDelen 4.0 Internationaal
# (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/). Het is afgeleid van wordfreq
# (Robyn Speer, https://github.com/rspeer/wordfreq; code Apache-2.0, gegevens CC BY-SA 4.0).
# Wijzigingen aan dit bestand vallen ook onder CC BY-SA 4.0. Zie wordlists/LICENSE-frequentie.md.
#
# wordfreq bevat gegevens van SUBTLEX-NL: Keuleers, E., Brysbaert, M. & New, B. (2010).
# SUBTLEX-NL: A new measure for Dutch word frequency based on film subtitles. Behavior Research
# Methods, 42(3), 643-650. SUBTLEX is vrij beschikbare data
# (http://crr.ugent.be/programs-data/subtitle-frequencies); wordfreq verspreidt het met
# toestemming van Marc Brysbaert, op voorwaarde dat de SUBTLEX-auteurs genoemd worden.
# Verder bevat wordfreq gegevens uit Wikipedia, OpenSubtitles 2018 (opensubtitles.org),
# nieuws, het web (OSCAR, ParaCrawl) en Twitter.
#
# Formaat: woord<TAB>zipf (één decimaal); UTF-8, LF; kleine letters.
# woord	zipf"""

WORD = re.compile(r"^[a-zà-öø-ÿ]+(?:'[a-zà-öø-ÿ]+)?$")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=80_000)
    ap.add_argument("--min-zipf", type=float, default=1.5)
    args = ap.parse_args()

    rows = []
    for word in wordfreq.top_n_list("nl", args.count * 3, wordlist="large"):
        if not WORD.match(word):
            continue
        zipf = wordfreq.zipf_frequency(word, "nl", wordlist="large")
        if zipf < args.min_zipf:
            break
        rows.append((word, zipf))
        if len(rows) == args.count:
            break

    version = importlib.metadata.version("wordfreq")
    out = sys.stdout
    out.write(HEADER.format(version=version, count=len(rows), min_zipf=args.min_zipf) + "\n")
    for word, zipf in rows:
        out.write(f"{word}\t{zipf:.1f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

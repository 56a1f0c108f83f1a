#!/usr/bin/env python3
"""Writes the catalogue of bad inputs and EXPECTED, the outcome each must have.

EXPECTED columns (tab-separated): file, exit status of `galley check --no-color FILE`,
text that must appear on stderr ("-": none required), rule ids that must be reported
(comma-separated, "-": none), rule ids that must NOT be reported ("-": none).
Run it again after changing it; the files are committed so the catalogue is visible as is.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = []


def case(name, data, status, stderr="-", must="-", must_not="-"):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    CASES.append((name, str(status), stderr, must, must_not))


PARA = "The harbour board met on Monday and approved the plan for the quay. "
# Invalid UTF-8, one kind a file: each is a finding at its byte offset, reading goes on.
case("invalid-overlong.txt", b"Over\xc0\xaflong slash. " + PARA.encode() + b"\n", 1, must="typography.invalid-utf8")
case("invalid-surrogate.txt", b"Lone \xed\xa0\x80 surrogate. " + PARA.encode() + b"\n", 1, must="typography.invalid-utf8")
case("invalid-truncated.txt", PARA.encode() + b"Cut \xe2\x82\n", 1, must="typography.invalid-utf8")
case("invalid-continuation.txt", b"Stray \x80 byte. " + PARA.encode() + b"\n", 1, must="typography.invalid-utf8")
case("invalid-five-byte.txt", b"Five \xf8\x88\x80\x80\x80 bytes. " + PARA.encode() + b"\n", 1, must="typography.invalid-utf8")
case("invalid-beyond-max.txt", b"Beyond \xf4\x90\x80\x80 max. " + PARA.encode() + b"\n", 1, must="typography.invalid-utf8")
case("invalid-latin1.txt", "Caf\u00e9 opens on Monday. ".encode("latin-1") + PARA.encode() + b"\n", 1, must="typography.invalid-utf8")
case("invalid-fe-ff.txt", b"Odd \xfe\xff pair. " + PARA.encode() + b"\n", 1, must="typography.invalid-utf8")
case("invalid-in-html.html", b"<p>Caf\xe9 &amp; bar. " + PARA.encode() + b"</p>\n", 1, must="typography.invalid-utf8")
case("invalid-in-markdown.md", b"# Caf\xe9\n\n" + PARA.encode() + b"\n", 1, must="typography.invalid-utf8")
# Other encodings: skipped with a message naming the conversion.
case("utf16le-bom.txt", "\ufeff".encode("utf-16-le") + (PARA + "\n").encode("utf-16-le"), 0, stderr="UTF-16 text, skipped")
case("utf16be-bom.txt", "\ufeff".encode("utf-16-be") + (PARA + "\n").encode("utf-16-be"), 0, stderr="UTF-16 text, skipped")
case("utf16le-no-bom.txt", (PARA + "\n").encode("utf-16-le"), 0, stderr="UTF-16 text, skipped")
case("utf32le-bom.txt", "\ufeff".encode("utf-32-le") + (PARA + "\n").encode("utf-32-le"), 0, stderr="UTF-32 text, skipped")
# NULs and binary data: skipped as binary.
case("nul-in-text.txt", PARA.encode() + b"\x00\x00 more text\n", 0, stderr="binary file")
case("binary-elf.txt", b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4, 0, stderr="binary file")
# Empty and degenerate files: checked, nothing to say.
case("empty.txt", b"", 0)
case("only-whitespace.txt", b"  \n\t\n\n   \n", 0)
case("bom-only.txt", b"\xef\xbb\xbf", 0)
case("empty.html", b"", 0)
case("empty.md", b"", 0)
# Line endings.
case("crlf.txt", ("Headline\r\n\r\n" + PARA + "The the end.\r\n").encode(), 1, must="typography.repeated-word")
case("cr-only.txt", ("Headline\r\r" + PARA + "The the end.\r").encode(), 1, must="typography.repeated-word")
# HTML that is broken or hostile.
case("nested-10000.html", "<div>" * 10000 + "<p>" + PARA + "The the end.</p>", 1, must="typography.repeated-word")
case("nested-30000.html", "<div>" * 30000 + "<p>" + PARA + "The the end.</p>", 0, stderr="HTML nested deeper than 20000")
case("unclosed-tags.html", "<html><body><p>" + PARA + "<b>bold <i>italic <p>The the end.", 1, must="typography.repeated-word")
case("script-only.html", "<script>var tk = 'the the';</script><style>p{}</style>", 0, must_not="typography.repeated-word")
case("entities-broken.html", "<p>" + PARA + "Smith &amp Jones &#xZZ; &#99999999; &bogus; &;</p>\n", 0)
case("cdata-and-comments.html", "<p>" + PARA + "<!-- the the --><![CDATA[ the the ]]></p>\n", 0, must_not="typography.repeated-word")
case("hostile-markup.html", "<p>" + PARA + "</p><p onload=\"alert(1)\">]]&gt; &lt;script&gt;alert(1)&lt;/script&gt; x.</p>\n", 0)
# Markdown constructs left open.
case("unclosed-emphasis.md", "Some *unclosed emphasis and **strong. " + PARA + "\n", 0)
case("unclosed-fence.md", PARA + "\n\n```\nThe the code never closes\n", 0, must_not="typography.repeated-word")
case("unclosed-front-matter.md", "---\ntitle: x\n\n" + PARA + "\n", 0)
case("deep-blockquote.md", ">" * 1000 + " " + PARA + "The the end.\n", 1, must="typography.repeated-word")
case("unclosed-link.md", "[link text](http://example.org " + PARA + "\n", 0)
# Size.
case("line-1mb.txt", (PARA * (1048576 // len(PARA) + 1))[:1048576] + "\n", 0)
# Scripts and invisible characters.
case("emoji-and-combining.txt", "Family \U0001F468\u200D\U0001F469\u200D\U0001F467 and cafe\u0301 and \U0001F44D\U0001F3FD. " + PARA + "\n", 0,
     must_not="typography.invisible-character")
case("right-to-left.txt", "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 mixed with English. " + PARA + "\n", 0)
case("zero-width-joiner-in-word.txt", "The har\u200dbour board met. " + PARA + "\n", 0, must="typography.invisible-character")
case("bidi-override.txt", "Total: \u202e0001\u202c dollars. " + PARA + "\n", 0, must="typography.invisible-character")
case("control-characters.txt", "Bell \x07 and escape \x1b[31m here. " + PARA + "\n", 0, must="typography.invisible-character")

with open(os.path.join(HERE, "EXPECTED"), "w") as f:
    f.write("# file\tstatus\tstderr\tmust-report\tmust-not-report\n")
    for row in CASES:
        f.write("\t".join(row) + "\n")
print(f"{len(CASES)} bad inputs written")

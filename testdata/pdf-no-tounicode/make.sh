#!/bin/sh
# PDFs whose fonts lack a ToUnicode map, made from fixtures in ../pdf by
# removing it (needs qpdf, python3). See TestNoToUnicode.
set -eu
cd "$(dirname "$0")"
strip() { # source.pdf out.pdf font-name-pattern
	qpdf --qdf --object-streams=disable "../pdf/$1" "$2.qdf"
	python3 strip.py "$2.qdf" "$2.stripped" "$3"
	fix-qdf "$2.stripped" >"$2.fixed"
	qpdf --object-streams=generate --compress-streams=y "$2.fixed" "$2"
	rm -f "$2.qdf" "$2.stripped" "$2.fixed"
}
# The embedded TrueType programs keep their cmap: the text is recovered.
strip rectify-aspects.pdf fpdf-embedded.pdf .
strip chromium-aspects-truetype.pdf chromium-truetype.pdf .
# Word with fonts not embedded, LibreOffice's Type 1 subsets: nothing to
# recover from.
strip wordlike_scheme-aspects.pdf word-not-embedded.pdf .
strip libreoffice_scheme-aspects.pdf libreoffice-type1.pdf .
# Only the bold face (the headings) lacks its map.
strip libreoffice_scheme-aspects.pdf libreoffice-bold-only.pdf Bold
# Re-writers that lose the text of a LibreOffice PDF (poppler and MuPDF
# read letters of no meaning from them): a print to PostScript (pdftops)
# distilled again by Ghostscript's ps2pdf names the glyphs of the Type 1C
# subsets by CID ("cid9564") with no ToUnicode; MuPDF's `mutool convert`
# writes CIDFontType0 fonts whose ToUnicode maps <0000>-<00FF> onto
# U+0000-U+00FF. Needs ghostscript, poppler-utils, mupdf-tools.
pdftops ../pdf/libreoffice_scheme-aspects.pdf ps2pdf.ps
ps2pdf ps2pdf.ps ps2pdf-cid-names.pdf
rm -f ps2pdf.ps
mutool convert -o mutool-convert.pdf ../pdf/libreoffice_scheme-aspects.pdf

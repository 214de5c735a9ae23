package fontfind_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rectify/rectify/fonts"
	"github.com/rectify/rectify/internal/fontfind"
	"github.com/rectify/rectify/internal/render"
	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/typeset"
)

// TestRenderEmbedsCollectionFace: the PDF writer takes a face found by its
// family name inside a .ttc (cut out as a standalone TrueType font), uses
// it for its role and embeds it; poppler lists it as embedded.
func TestRenderEmbedsCollectionFace(t *testing.T) {
	dir := t.TempDir()
	ttc := fontfind.Collection(
		fontfind.RenamedFont(t, fonts.NotoSerifFolio, "新宋体", "NSimSun"),
		fontfind.RenamedFont(t, fonts.WenKai, "楷体_GB2312", "KaiTi_GB2312"))
	os.WriteFile(filepath.Join(dir, "fonts.ttc"), ttc, 0o644)
	os.WriteFile(filepath.Join(dir, "1.ttf"), fontfind.RenamedFont(t, fonts.NotoSansBold, "黑体", "SimHei"), 0o644)

	set, notes, err := render.LoadFonts(dir, false)
	if err != nil || len(notes) != 0 {
		t.Fatalf("%v %v", err, notes)
	}
	kai := set.Faces[typeset.FaceKai]
	if !strings.Contains(kai.Name, "楷体_GB2312（本机 ") || !strings.Contains(kai.Name, "fonts.ttc 中的第 2 个字体") || !kai.Has('楷') {
		t.Fatalf("楷体 face: %q", kai.Name)
	}
	if hei := set.Faces[typeset.FaceHei].Name; !strings.Contains(hei, "黑体（本机 ") {
		t.Errorf("黑体 face: %q", hei)
	}
	if fang := set.Faces[typeset.FaceFang].Name; !strings.Contains(fang, "内置") {
		t.Errorf("仿宋 face: %q, want the bundled one", fang)
	}
	doc, err := typeset.Typeset(testutil.Blocks(testutil.CorpusNotice(t)), typeset.Header{}, typeset.Colophon{}, typeset.Default(), set)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := render.PDF(doc, set, render.Meta{Title: "t", Date: time.Date(2025, 6, 24, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(pdf, []byte("office-kai")) {
		t.Fatal("the collection's face is not in the PDF")
	}
	bin := testutil.Need(t, "pdffonts")
	p := filepath.Join(dir, "out.pdf")
	os.WriteFile(p, pdf, 0o644)
	out, err := exec.Command(bin, p).Output()
	if err != nil {
		t.Fatal(err)
	}
	listed := false
	for _, line := range strings.Split(string(out), "\n") {
		// name type… emb sub uni object generation
		if f := strings.Fields(line); strings.Contains(line, "office-kai") && len(f) > 5 {
			listed = true
			if f[len(f)-5] != "yes" {
				t.Errorf("not embedded: %s", line)
			}
		}
	}
	if !listed {
		t.Errorf("pdffonts does not list the face:\n%s", out)
	}
}

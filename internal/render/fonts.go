// Package render draws typeset pages into a PDF, embedding subsets of the
// fonts it used: the office's own where internal/fontfind finds them, the
// bundled ones otherwise.
//
// fpdf writes the file's frame: pages, rules, where text goes and in what
// colour, document information, catalogue, cross-reference table. We write
// the fonts (embed.go): each face is cut to the document's characters,
// described and compressed while the text is typeset, and finishPDF
// (finish.go) adds the fonts' objects to fpdf's file and compresses its
// pages. fpdf's own font embedding parses each font again, cuts it again
// and compresses it at the end of the file, one font after the other,
// which was most of the time a notice took.
package render

import (
	"encoding/binary"
	"fmt"
	"os"
	"sync"
	"sync/atomic"

	"github.com/rectify/rectify/fonts"
	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/fontfind"
	"github.com/rectify/rectify/internal/typeset"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Font is one loaded TrueType font.
type Font struct {
	Name   string // what users are told: "朱雀仿宋（内置）", "仿宋_GB2312（本机 /…/simfang.ttf）"
	Family string // names the font in the PDF, after its subset tag
	Path   string // the font file, "" for a bundled font
	Data   []byte
	sfnt   *sfnt.Font
	upem   float64
	mu     sync.Mutex  // guards buf
	buf    sfnt.Buffer // sfnt's scratch space
	cache  glyphCache  // read without locking by the typesetter's goroutines
}

// metrics are a glyph's advance and ink box, in em (y up); adv < 0 for no
// glyph.
type metrics struct {
	adv            float64
	gid            uint16 // glyph number in the font
	x0, y0, x1, y1 float64
	inked          bool
	inkRead        bool // the ink box has been read
}

func newFont(name, family string, data []byte) (*Font, error) {
	if !isTrueType(data) {
		return nil, fmt.Errorf("%s 不是 TrueType 轮廓字体（TTC 字体集或 CFF/OTF 字体无法嵌入 PDF，请转换为 .ttf）", name)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s 无法读取：%v", name, err)
	}
	return &Font{Name: name, Family: family, Data: data, sfnt: f, upem: float64(f.UnitsPerEm())}, nil
}

// isTrueType checks the sfnt header and that glyph outlines are TrueType
// ('glyf'), which is what the PDF embeds (FontFile2).
func isTrueType(data []byte) bool {
	if len(data) < 12 {
		return false
	}
	v := binary.BigEndian.Uint32(data)
	if v != 0x00010000 && v != 0x74727565 { // 1.0 or 'true'
		return false
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := 0; i < n && 12+16*i+4 <= len(data); i++ {
		if string(data[12+16*i:12+16*i+4]) == "glyf" {
			return true
		}
	}
	return false
}

// metrics reads r's advance, and its ink box only when ink is asked for
// (the typesetter needs it for punctuation and the page number's dash).
func (f *Font) metrics(r rune, ink bool) metrics {
	if m := f.cache.load(r); m != nil && (!ink || m.adv < 0 || m.inkRead) {
		return *m
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	m := metrics{adv: -1, inkRead: ink}
	if gi, err := f.sfnt.GlyphIndex(&f.buf, r); err == nil && gi != 0 {
		m.gid = uint16(gi)
		ppem := fixed.I(int(f.upem))
		u := 64 * f.upem
		if !ink {
			if adv, err := f.sfnt.GlyphAdvance(&f.buf, gi, ppem, font.HintingNone); err == nil {
				m.adv = float64(adv) / u
			}
		} else if bounds, adv, err := f.sfnt.GlyphBounds(&f.buf, gi, ppem, font.HintingNone); err == nil {
			m.adv = float64(adv) / u
			if bounds.Max.X > bounds.Min.X {
				m.x0, m.x1 = float64(bounds.Min.X)/u, float64(bounds.Max.X)/u
				m.y0, m.y1 = -float64(bounds.Max.Y)/u, -float64(bounds.Min.Y)/u
				m.inked = true
			}
		}
	}
	f.cache.store(r, &m)
	return m
}

// glyphCache keeps the metrics read for each character: for the BMP a
// table of 256 blocks of 256, made as they are needed (a notice asks tens
// of thousands of times, for about two thousand characters), beyond it a
// sync.Map.
type glyphCache struct {
	bmp    [256]atomic.Pointer[[256]atomic.Pointer[metrics]]
	beyond sync.Map // rune -> *metrics
}

func (c *glyphCache) load(r rune) *metrics {
	if r < 0 || r > 0xFFFF {
		v, _ := c.beyond.Load(r)
		m, _ := v.(*metrics)
		return m
	}
	if block := c.bmp[r>>8].Load(); block != nil {
		return block[r&0xFF].Load()
	}
	return nil
}

func (c *glyphCache) store(r rune, m *metrics) {
	if r < 0 || r > 0xFFFF {
		c.beyond.Store(r, m)
		return
	}
	block := c.bmp[r>>8].Load()
	if block == nil {
		c.bmp[r>>8].CompareAndSwap(nil, new([256]atomic.Pointer[metrics]))
		block = c.bmp[r>>8].Load()
	}
	block[r&0xFF].Store(m)
}

func (f *Font) advance(r rune) float64 { return f.metrics(r, false).adv }

// Has reports whether the font has a glyph for r.
// A character beyond the BMP is never offered: the PDF's character codes
// are two bytes (Identity-H over Unicode values), so it could not be shown.
func (f *Font) Has(r rune) bool { return r <= 0xFFFF && f.advance(r) >= 0 }

// FontSet maps faces to fonts; it implements typeset.Fonts.
type FontSet struct {
	Faces map[typeset.Face]*Font
}

// Has implements typeset.Fonts.
func (s *FontSet) Has(face typeset.Face, r rune) bool {
	f := s.Faces[face]
	return f != nil && f.Has(r)
}

// Advance implements typeset.Fonts.
func (s *FontSet) Advance(face typeset.Face, r rune) float64 {
	if f := s.Faces[face]; f != nil {
		if a := f.advance(r); a >= 0 {
			return a
		}
	}
	return 0.5
}

// Ink implements typeset.Fonts.
func (s *FontSet) Ink(face typeset.Face, r rune) (x0, y0, x1, y1 float64, ok bool) {
	if f := s.Faces[face]; f != nil {
		m := f.metrics(r, true)
		return m.x0, m.y0, m.x1, m.y1, m.inked
	}
	return 0, 0, 0, 0, false
}

// Covers reports whether any face in the set renders r (for `check`).
func (s *FontSet) Covers(r rune) bool {
	for _, f := range s.Faces {
		if f.Has(r) {
			return true
		}
	}
	return false
}

// bundled are the fonts in fonts/, per face.
var bundled = []struct {
	face   typeset.Face
	name   string
	family string
	data   []byte
}{
	{typeset.FaceFang, "朱雀仿宋（内置，代替仿宋_GB2312）", "zhuque-fangsong", fonts.ZhuqueFangsong},
	{typeset.FaceTitle, "Noto Serif SC Black（内置，代替方正小标宋）", "noto-serif-black", fonts.NotoSerifBlack},
	{typeset.FaceHei, "Noto Sans SC Bold（内置，代替黑体）", "noto-sans-bold", fonts.NotoSansBold},
	{typeset.FaceKai, "霞鹜文楷等宽（内置，代替楷体_GB2312）", "lxgw-wenkai", fonts.WenKai},
	{typeset.FaceSong, "Noto Serif SC（内置，页码用宋体）", "noto-serif-folio", fonts.NotoSerifFolio},
	{typeset.FaceFallback, "Noto Sans SC（内置，缺字后备）", "noto-sans-regular", fonts.NotoSansRegular},
}

// Notes are what font discovery has to tell the user (skipped files).
type Notes []string

// fontsRequest is what LoadFonts is asked for; loaded is what it returns.
type fontsRequest struct {
	fontDir   string
	useSystem bool
}

type loaded struct {
	set   *FontSet
	notes Notes
	err   error
}

// prefetched holds font sets being loaded ahead of their use (Prefetch),
// each taken by the next LoadFonts asked for the same.
var prefetched struct {
	sync.Mutex
	loads map[fontsRequest]chan loaded
}

// Prefetch starts loading the font set LoadFonts(fontDir, useSystem) returns,
// in the background, so that a conversion to PDF finds it ready once the
// input has been read: discovering the office's fonts (fontconfig's
// configuration, the fonts' name tables) and parsing the faces take about as
// long as reading a notice, and the two are independent. The next LoadFonts
// call with the same arguments takes the result; a request already under
// way is not started twice.
func Prefetch(fontDir string, useSystem bool) {
	req := fontsRequest{fontDir, useSystem}
	prefetched.Lock()
	defer prefetched.Unlock()
	if prefetched.loads[req] != nil {
		return
	}
	if prefetched.loads == nil {
		prefetched.loads = map[fontsRequest]chan loaded{}
	}
	ch := make(chan loaded, 1)
	prefetched.loads[req] = ch
	go func() {
		set, notes, err := loadFonts(fontDir, useSystem)
		ch <- loaded{set, notes, err}
	}()
}

// LoadFonts builds the font set: the office's own fonts where found (in
// --font-dir first, then the usual folders), the bundled ones otherwise.
// useSystem=false uses only bundled fonts and --font-dir (reproducible output).
func LoadFonts(fontDir string, useSystem bool) (*FontSet, Notes, error) {
	req := fontsRequest{fontDir, useSystem}
	prefetched.Lock()
	ch := prefetched.loads[req]
	delete(prefetched.loads, req)
	prefetched.Unlock()
	if ch != nil {
		r := <-ch
		return r.set, r.notes, r.err
	}
	return loadFonts(fontDir, useSystem)
}

func loadFonts(fontDir string, useSystem bool) (*FontSet, Notes, error) {
	set := &FontSet{Faces: map[typeset.Face]*Font{}}
	if fontDir != "" {
		if st, err := os.Stat(fontDir); err != nil || !st.IsDir() {
			return nil, nil, diag.Errorf(fontDir, "字体目录不存在")
		}
	}
	var folders []fontfind.Folder
	switch {
	case useSystem:
		folders = fontfind.Folders(fontDir)
	case fontDir != "":
		folders = []fontfind.Folder{{Path: fontDir, Why: "--font-dir 指定的目录"}}
	}
	faces, scanNotes := fontfind.Scan(folders)
	notes := Notes(scanNotes)
	found := map[typeset.Face]fontfind.Match{}
	for _, m := range fontfind.Choose(faces) {
		for _, why := range m.Skipped {
			notes = append(notes, "跳过字体 "+why)
		}
		if m.Face != nil {
			found[m.Role.Face] = m
		}
	}
	for _, b := range bundled {
		var f *Font
		if m, ok := found[b.face]; ok {
			data, err := fontfind.Load(m.Face)
			if err == nil {
				f, err = newFont(fmt.Sprintf("%s（本机 %s）", m.Name, m.Face.Where()), "office-"+string(b.face), data)
			}
			if err == nil {
				f.Path = m.Face.Path
			}
			if err != nil {
				notes = append(notes, fmt.Sprintf("跳过字体 %s：%v", m.Face.Where(), err))
				f = nil
			}
		}
		if f == nil {
			var err error
			f, err = newFont(b.name, b.family, b.data)
			if err != nil {
				return nil, nil, err
			}
		}
		set.Faces[b.face] = f
	}
	return set, notes, nil
}

var bundledOnce struct {
	sync.Once
	set *FontSet
	err error
}

// Bundled returns the bundled fonts only, loaded once.
func Bundled() (*FontSet, error) {
	bundledOnce.Do(func() { bundledOnce.set, _, bundledOnce.err = LoadFonts("", false) })
	return bundledOnce.set, bundledOnce.err
}

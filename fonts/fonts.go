// Package fonts bundles the open-licensed CJK fonts rectify typesets with,
// so that it runs anywhere with no missing glyph. See README.md here for
// where each file came from and how it was made (build.sh).
package fonts

import _ "embed"

// The bundled faces. Each stands in for the face an office would use.
var (
	//go:embed ZhuqueFangsong-Regular.ttf
	ZhuqueFangsong []byte // 仿宋: body text (朱雀仿宋, whole)
	//go:embed NotoSerifSC-Black-subset.ttf
	NotoSerifBlack []byte // 小标宋: the title (Noto Serif SC Black, subset)
	//go:embed NotoSansSC-Bold-subset.ttf
	NotoSansBold []byte // 黑体: level-1 headings (Noto Sans SC Bold, subset)
	//go:embed LXGWWenKaiMono-Regular-subset.ttf
	WenKai []byte // 楷体: level-2 lead sentences (LXGW WenKai, subset)
	//go:embed NotoSerifSC-Regular-folio.ttf
	NotoSerifFolio []byte // 宋体: page numbers (Noto Serif SC Regular, digits and dashes)
	//go:embed NotoSansSC-Regular.ttf
	NotoSansRegular []byte // the last fallback: full GB 18030 CJK coverage (Noto Sans SC Regular, whole)
)

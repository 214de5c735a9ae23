package main

import "github.com/rectify/rectify/internal/render"

// glyphCoverage reports which characters the configured fonts (the office's
// own where installed, the bundled ones otherwise) can render.
func glyphCoverage(fontDir string) func(rune) bool {
	set, _, err := render.LoadFonts(fontDir, true)
	if err != nil {
		return nil
	}
	return set.Covers
}

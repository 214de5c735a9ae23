package main

// glyphCoverage returns which characters the configured fonts render, or nil
// while no font set is configured for this build.
func glyphCoverage(fontDir string) func(rune) bool { return nil }

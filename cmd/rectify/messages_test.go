package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// englishRe finds two English words in a row, the mark of a library's
// message leaking through ("no such file", "not a valid zip file",
// "cannot unmarshal", "flag provided but not defined").
var englishRe = regexp.MustCompile(`\b[A-Za-z]{2,} [a-z]{2,}\b`)

// commandRe is what a message quotes for the user to type: "rectify help
// convert", "--to odt".
var commandRe = regexp.MustCompile(`rectify( [a-z]+)*|--[a-z-]+( [a-z0-9]+)?`)

// TestMessagesInChinese: command lines a user gets wrong and files that
// are not what they claim all get a Chinese message naming the file at
// fault, and exit 2.
func TestMessagesInChinese(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ok := write("ok.json", `{"format": 1, "title": "关于巡察整改进展情况的通报"}`)
	cases := []struct {
		args  []string
		names string // the file the message must name
	}{
		{[]string{"convert", "--frobnicate", ok, "x.txt"}, "--frobnicate"},
		{[]string{"convert", ok}, ""},
		{[]string{"convert", ok, "x.txt", "--to"}, "--to"},
		{[]string{"check", ok, "--today", "2026-13-45"}, "2026-13-45"},
		{[]string{"check", ok, "--today", "garbage"}, "garbage"},
		{[]string{"convert", ok, filepath.Join(dir, "x.pdf"), "--print-date", "2025年13月1日"}, "2025年13月1日"},
		{[]string{"convert", filepath.Join(dir, "missing.json"), "x.txt"}, "missing.json"},
		{[]string{"convert", write("bad.json", "garbage{"), filepath.Join(dir, "x.txt")}, "bad.json"},
		{[]string{"convert", write("types.json", `{"format": "1"}`), filepath.Join(dir, "x.txt")}, "types.json"},
		{[]string{"convert", write("zip.xlsx", "PK\x03\x04junk"), filepath.Join(dir, "x.json")}, "zip.xlsx"},
		{[]string{"convert", ok, filepath.Join(dir, "a.pdf"), "--layout", filepath.Join(dir, "missing-layout.json")}, "missing-layout.json"},
		{[]string{"convert", ok, filepath.Join(dir, "b.pdf"), "--layout", write("notjson.json", "lines: 22")}, "notjson.json"},
		{[]string{"convert", ok, filepath.Join(dir, "c.pdf"), "--layout", write("trunc.json", `{"lines": 22,`)}, "trunc.json"},
		{[]string{"convert", ok, filepath.Join(dir, "d.pdf"), "--layout", write("typed.json", `{"lines": "x"}`)}, "typed.json"},
		{[]string{"convert", ok, filepath.Join(dir, "e.pdf"), "--font-dir", filepath.Join(dir, "nofonts")}, "nofonts"},
		{[]string{"convert", ok, filepath.Join(dir, "f.xlsx"), "--template", write("tmpl.xlsx", "PK\x03\x04junk")}, "tmpl.xlsx"},
		{[]string{"convert", ok, filepath.Join(dir, "g.xlsx"), "--template", write("plain.xlsx", "hello")}, "plain.xlsx"},
		{[]string{"convert", ok, filepath.Join(dir, "h.xlsx"), "--template", filepath.Join(dir, "none.xlsx")}, "none.xlsx"},
		{[]string{"convert", ok, filepath.Join(dir, "no", "dir", "x.txt")}, "no"},
		{[]string{"convert", ok, filepath.Join(dir, "x.txt"), "--to", "odt"}, "odt"},
		{[]string{"convert", "--out-dir", filepath.Join(dir, "out"), "--to", "odt", ok}, "odt"},
		{[]string{"convert", "--force", ok, ok, "--to", "json"}, "ok.json"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			var so, se bytes.Buffer
			if code := runArgs(c.args, &so, &se); code != 2 {
				t.Errorf("exit %d, want 2; stderr %s", code, se.String())
			}
			msg := se.String()
			if c.names != "" && !strings.Contains(msg, c.names) {
				t.Errorf("message does not name %s: %s", c.names, msg)
			}
			// What may be English: file names, commands and options to type.
			plain := strings.ReplaceAll(msg, dir, "")
			plain = commandRe.ReplaceAllString(plain, "")
			if m := englishRe.FindString(plain); m != "" || !regexp.MustCompile(`\p{Han}`).MatchString(msg) {
				t.Errorf("not a Chinese message (%q): %s", m, msg)
			}
			if strings.Count(msg, "\n") > 3 {
				t.Errorf("more than a message (the whole help?): %s", msg)
			}
		})
	}
	if d, _ := os.ReadFile(ok); !bytes.Contains(d, []byte("关于巡察整改")) {
		t.Errorf("the input was overwritten")
	}
}

//go:build linux

package main

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Hostile and unusual text notices: lines without end, text without line
// breaks, encodings to refuse, and the UTF-16 Windows Notepad writes.
func init() {
	oneLine := func(unit string, size int) []byte {
		var b bytes.Buffer
		b.WriteString("关于巡察整改进展情况的通报")
		for b.Len() < size {
			b.WriteString(unit)
		}
		return b.Bytes()
	}
	hostileCases = append(hostileCases,
		hostileCase{
			name: "text-50MB-one-line-notice",
			make: func(t *testing.T, dir string) []string {
				writeFile(t, dir, "一行.txt", oneLine("（1）关于“学习不深入”的问题整改情况（已完成）：一是建立学习制度。", 50<<20))
				return []string{"convert", "一行.txt", "out.json"}
			},
			code: 2, want: "第1行过长", file: "一行.txt",
		},
		hostileCase{
			name: "text-50MB-no-newlines",
			make: func(t *testing.T, dir string) []string {
				writeFile(t, dir, "无换行.txt", oneLine("整改", 50<<20))
				return []string{"check", "无换行.txt"}
			},
			code: 2, want: "过长", file: "无换行.txt",
		},
		hostileCase{
			name: "text-big5",
			make: func(t *testing.T, dir string) []string {
				s, err := traditionalchinese.Big5.NewEncoder().String(strings.Repeat("關於巡察整改進展情況的通報\n一、整改措施：已完成整改。\n", 50))
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, dir, "繁体.txt", []byte(s))
				return []string{"convert", "繁体.txt", "out.json"}
			},
			code: 2, want: "无法识别文件的编码", file: "繁体.txt",
		},
		hostileCase{
			name: "text-utf16-notepad",
			make: func(t *testing.T, dir string) []string {
				data := readTestdata(t, "notices/archive-toplevel.txt")
				u, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(data)
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, dir, "记事本.txt", u)
				return []string{"convert", "记事本.txt", "out.json"}
			},
			code: 0,
		},
	)
}

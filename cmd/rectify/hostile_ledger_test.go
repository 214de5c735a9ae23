//go:build linux

package main

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

// Hostile ledgers: CSV whose size comes from fields, not rows, and encodings
// we must refuse rather than read as garbage.
func init() {
	hostileCases = append(hostileCases,
		hostileCase{
			name: "csv-100MB-of-commas",
			make: func(t *testing.T, dir string) []string {
				var b bytes.Buffer
				b.WriteString("序号,存在问题,整改措施\n1,")
				b.Write(bytes.Repeat([]byte{','}, 100<<20))
				writeFile(t, dir, "逗号.csv", b.Bytes())
				return []string{"convert", "逗号.csv", "out.json"}
			},
			code: 2, want: "超过 16384 个字段", file: "逗号.csv",
		},
		hostileCase{
			name: "csv-unclosed-quote-50MB",
			make: func(t *testing.T, dir string) []string {
				var b bytes.Buffer
				b.WriteString("序号,存在问题,整改措施\n1,\"")
				b.Write(bytes.Repeat([]byte("问题,措施\n"), 50<<20/14))
				b.WriteString("\"\n")
				writeFile(t, dir, "引号.csv", b.Bytes())
				return []string{"convert", "引号.csv", "out.json"}
			},
			code: 2, want: "个字段超过 32767 个字符", file: "引号.csv",
		},
		hostileCase{
			name: "csv-big5",
			make: func(t *testing.T, dir string) []string {
				s, err := traditionalchinese.Big5.NewEncoder().String(strings.Repeat("序號,存在問題,整改措施\n1,黨組理論學習不夠深入,建立學習制度\n", 20))
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, dir, "繁体.csv", []byte(s))
				return []string{"convert", "繁体.csv", "out.json"}
			},
			code: 2, want: "无法识别文件的编码", file: "繁体.csv",
		},
	)
}

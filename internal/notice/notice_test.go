package notice

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	// No golden files here, but `go test ./... -update` must not stop on
	// an unknown flag in this package.
	_ "github.com/rectify/rectify/internal/testutil/golden"
)

func TestFindDates(t *testing.T) {
	cases := map[string][]string{
		"2024年9月14日，召开会议":  {"2024-09-14"},
		"纳入2024年会议学习":      {"2024"},
		"截至2025年5月，已完成":    {"2025-05"},
		"2024年12月至2025年1月": {"2024-12", "2025-01"},
		"2024年第13号台风":      {"2024"},
		"2025年2月30日":       {"2025-02"}, // no such day: month precision
		"10000年":           nil,
	}
	for in, want := range cases {
		var got []string
		for _, d := range FindDates(in) {
			got = append(got, d.ISO)
		}
		if len(got) != len(want) {
			t.Errorf("FindDates(%q) = %v, want %v", in, got, want)
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("FindDates(%q) = %v, want %v", in, got, want)
			}
		}
	}
}

func TestDeadlines(t *testing.T) {
	for in, want := range map[string]string{
		"2025年12月": "2025-12", "2025.12": "2025-12", "2025年9月底前": "2025-09", "立行立改": "立行立改",
		"长期坚持": "长期坚持", "2025年12月31日": "2025-12-31", "2025-06": "2025-06", "2025年底前": "2025-12",
	} {
		if got := ParseDeadline(in); got != want {
			t.Errorf("ParseDeadline(%q) = %q, want %q", in, got, want)
		}
	}
	if got := FindDeadline("持续整改中，计划于2025年9月底前完成老旧电梯改造更新。"); got != "2025-09" {
		t.Errorf("FindDeadline = %q", got)
	}
}

func TestStatusVocabulary(t *testing.T) {
	for in, want := range map[string]string{
		"已完成": Completed, "已整改到位": Completed, "已销号": Completed, "基本完成": BasicallyCompleted,
		"阶段性完成": BasicallyCompleted, "基本整改到位": BasicallyCompleted, "持续整改中": InProgress, "正在整改": InProgress,
		"尚未完成": NotStarted, "未整改": NotStarted, "长期坚持": Ongoing, "持续推进（长期）": Ongoing,
	} {
		if got, _ := FindStatus(in); got != want {
			t.Errorf("FindStatus(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestChineseNumbers(t *testing.T) {
	for n := 1; n < 100; n++ {
		if got := CNNumber(CNNumeral(n)); got != n {
			t.Errorf("CNNumber(CNNumeral(%d)) = %d", n, got)
		}
	}
	if ParseWholeDate("二〇二五年六月二十四日") != "2025-06-24" || ParseWholeDate("2025年6月24日") != "2025-06-24" {
		t.Error("whole dates")
	}
}

// FuzzUnmarshal: any bytes give a notice or an error; a notice read is
// written back and read again to the same bytes.
func FuzzUnmarshal(f *testing.F) {
	seed, _ := os.ReadFile("../../testdata/notices/scheme-aspects.golden.json")
	f.Add(seed)
	f.Add([]byte(`{"format": 1, "categories": [{"issues": [{"status": "x"}]}]}`))
	f.Add([]byte(`{"format": 1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := Unmarshal(data)
		if err != nil {
			return
		}
		a, err := Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Unmarshal(a)
		if err != nil {
			t.Fatalf("written JSON does not read back: %v", err)
		}
		b, _ := Marshal(m)
		if !bytes.Equal(a, b) {
			t.Fatal("JSON round trip not stable")
		}
	})
}

func TestLargeNumerals(t *testing.T) {
	for n, want := range map[int]string{100: "一百", 105: "一百零五", 110: "一百一十", 2000: "二千", 3204: "三千二百零四", 99999: "九万九千九百九十九"} {
		if got := CNNumeral(n); got != want {
			t.Errorf("CNNumeral(%d) = %q, want %q", n, got, want)
		}
		if got := CNNumber(want); got != n {
			t.Errorf("CNNumber(%q) = %d, want %d", want, got, n)
		}
	}
	for n := 1; n < 100000; n += 7 {
		if CNNumber(CNNumeral(n)) != n {
			t.Fatalf("round trip of %d: %s", n, CNNumeral(n))
		}
	}
}

// TestFullJSON: testdata/full.json uses every field of the model (so that
// writers can test that they lose nothing) and reads back byte for byte.
func TestFullJSON(t *testing.T) {
	data, err := os.ReadFile("../../testdata/full.json")
	if err != nil {
		t.Fatal(err)
	}
	n, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, data) {
		t.Errorf("full.json does not read back unchanged")
	}
	set := map[string]bool{}
	all := map[string]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(v.MapIndex(k))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				name := v.Type().Name() + "." + v.Type().Field(i).Name
				all[name] = true
				if !v.Field(i).IsZero() {
					set[name] = true
				}
				walk(v.Field(i))
			}
		}
	}
	walk(reflect.ValueOf(n))
	for name := range all {
		if !set[name] {
			t.Errorf("full.json never sets %s", name)
		}
	}
	for _, st := range Statuses[:3] {
		if n.Stated[st] == 0 {
			t.Errorf("full.json states no %s count", st)
		}
	}
}

// TestEncodeEqualsMarshal: the streaming encoder writes Marshal's bytes.
func TestEncodeEqualsMarshal(t *testing.T) {
	data, err := os.ReadFile("../../testdata/full.json")
	if err != nil {
		t.Fatal(err)
	}
	full, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	for name, n := range map[string]*Notice{"full": full, "empty": {Format: FormatVersion, Title: "<&>"}} {
		want, err := Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := Encode(&got, n); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: Encode differs from Marshal:\n%s\n---\n%s", name, got.Bytes(), want)
		}
	}
}

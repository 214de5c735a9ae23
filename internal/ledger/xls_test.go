package ledger

import "testing"

// TestBIFFStringAcrossContinue: a shared string whose characters run on into
// a CONTINUE record, which restates the compression flag (here: Latin-1 then
// UTF-16), and a second string starting inside the CONTINUE record.
func TestBIFFStringAcrossContinue(t *testing.T) {
	first := []byte{5, 0, 0, 'a', 'b'} // cch 5, compressed, "ab"
	cont := []byte{1, 0x2d, 0x4e, 0x87, 0x65, 'c', 0}
	cont = append(cont, 2, 0, 0, 'o', 'k') // next string: "ok"
	r := newRecReader(record{typ: recSST, data: first, more: [][]byte{cont}})
	if got := r.xlString(false); got != "ab中文c" || r.err != nil {
		t.Fatalf("first string = %q (%v)", got, r.err)
	}
	if got := r.xlString(false); got != "ok" || r.err != nil {
		t.Fatalf("second string = %q (%v)", got, r.err)
	}
	r = newRecReader(record{typ: recSST, data: first})
	if r.xlString(false); r.err == nil {
		t.Error("a string cut short is not reported")
	}
}

func TestDatePrecision(t *testing.T) {
	for code, want := range map[string]int{
		"General": notDate, "0.00": notDate, "@": notDate, "h:mm:ss": notDate, `[$-F800]dddd, mmmm dd, yyyy`: fullDate,
		`yyyy"年"m"月"d"日"`: fullDate, `yyyy"年"m"月"`: monthOnly, "yyyy": yearOnly, "yyyy-mm-dd": fullDate,
		"yyyy/m/d h:mm": fullDate, `[DBNum1][$-804]yyyy"年"m"月"`: monthOnly, `"第"0"号"`: notDate, "mmm-yy": monthOnly,
	} {
		if got := datePrecision(code); got != want {
			t.Errorf("datePrecision(%q) = %d, want %d", code, got, want)
		}
	}
}

// TestRKValue: Excel writes most numbers of a sheet as RK values (MULRK for
// runs of them): 30-bit integers or truncated doubles, either divided by 100.
func TestRKValue(t *testing.T) {
	for rk, want := range map[uint32]float64{
		1<<2 | 2:       1,
		150<<2 | 3:     1.5,
		0x40040000:     2.5,
		0x40040000 | 1: 0.025,
		0xFFFFFFFE:     -1,
		45747<<2 | 2:   45747, // 2025-03-31 as a date serial
	} {
		if got := rkValue(rk); got != want {
			t.Errorf("rkValue(%#x) = %v, want %v", rk, got, want)
		}
	}
}

package ledger

import (
	"strings"
	"testing"
)

func TestScanNotice(t *testing.T) {
	doc := ` { "format" : 1, "issuer":"a\"}]\\",
	"categories": [ {"issues": [], "title": "空"},
	  {"title":"x\u0041", "number": 2, "extra": {"issues": [1,2,3]}, "issues":[ {"title":"[{\"", "actions":[{"text":"}"}]}, {} , {"n": [[[]]]} ] } ],
	"pending": [ {"title": "p"} ] }
	`
	top, cats, err := scanNotice(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if string(top["issuer"]) != `"a\"}]\\"` || string(top["format"]) != "1" || string(top["pending"]) != `[{"title":"p"}]` {
		t.Errorf("top = %q", top)
	}
	if len(cats) != 2 || cats[0].issues != 0 || cats[1].issues != 3 || cats[1].title != "xA" || cats[1].number != 2 {
		t.Errorf("categories = %+v", cats)
	}
	for name, bad := range map[string]string{
		"truncated":  doc[:len(doc)/2],
		"trailing":   doc + "{}",
		"not object": "[1]",
		"deep":       `{"x": ` + strings.Repeat("[", maxJSONDepth+1) + strings.Repeat("]", maxJSONDepth+1) + "}",
		"no colon":   `{"a" 1}`,
		"no comma":   `{"a": 1 "b": 2}`,
	} {
		if _, _, err := scanNotice(strings.NewReader(bad)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

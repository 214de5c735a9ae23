package lazyre_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/testutil/golden"

	// Every package that makes patterns at initialisation.
	_ "github.com/rectify/rectify/internal/check"
	_ "github.com/rectify/rectify/internal/ledger"
	_ "github.com/rectify/rectify/internal/merge"
	_ "github.com/rectify/rectify/internal/notice"
	_ "github.com/rectify/rectify/internal/textnotice"
)

// atInit are the patterns the imported packages made at initialisation,
// taken before any test uses a pattern.
var atInit []string

func TestMain(m *testing.M) {
	atInit = lazyre.Registered()
	os.Exit(m.Run())
}

// TestGeneratedFilters: filters_gen.go holds exactly the filters that the
// patterns of the program's packages get at run time (go generate, or
// -update, rewrites it), and every package that makes patterns is imported
// above, so that none is missing from the file.
func TestGeneratedFilters(t *testing.T) {
	sites, files := 0, map[string]bool{}
	err := filepath.WalkDir("../..", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "../.." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if n := bytes.Count(data, []byte("lazyre.New(")); n > 0 {
			sites += n
			files[path] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if sites != len(atInit) {
		t.Fatalf("%d calls of lazyre.New in %v, but %d patterns made at initialisation: import every package that makes patterns in this test, and make patterns only in package-level variables", sites, files, len(atInit))
	}
	src := lazyre.GeneratedSource(atInit)
	if old, err := os.ReadFile("filters_gen.go"); err == nil && !bytes.Equal(old, src) && !golden.Update() {
		t.Errorf("filters_gen.go is stale (a pattern was added, changed or removed): run `go generate ./internal/lazyre` and commit the file")
	}
	golden.Check(t, "filters_gen.go", src)
	for _, e := range atInit {
		first, need, generated := lazyre.Filter(e)
		wantFirst, wantNeed := lazyre.Analysed(e)
		if !generated && !golden.Update() {
			t.Errorf("%q is not in filters_gen.go", e)
		}
		if !reflect.DeepEqual(first, wantFirst) || !reflect.DeepEqual(need, wantNeed) {
			t.Errorf("%q: generated filter %v %v, derived at run time %v %v", e, first, need, wantFirst, wantNeed)
		}
	}
}

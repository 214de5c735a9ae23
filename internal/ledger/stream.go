package ledger

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/rectify/rectify/internal/notice"
)

// maxJSONInput bounds what the fallback reads whole (the command's own
// input limit).
const maxJSONInput = 512 << 20

// WriteJSON writes the workbook for notice JSON read from r without holding
// the whole notice: a first pass decodes one category at a time to count the
// rows and keep everything but the issues; a second pass decodes the
// categories again, one at a time, straight into the sheet. JSON that the
// first pass cannot take (bad syntax, an unknown status, a wrong format) is
// read whole by notice.Unmarshal instead, so that its message is the one
// every other path gives.
func WriteJSON(ctx context.Context, r io.ReadSeeker, w io.Writer, opt Options) error {
	head, plan, err := scanJSON(r)
	if err != nil {
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return &InputError{err}
		}
		data, err := io.ReadAll(io.LimitReader(r, maxJSONInput))
		if err != nil {
			return &InputError{err}
		}
		n, err := notice.Unmarshal(data)
		if err != nil {
			return &InputError{err}
		}
		return WriteTo(w, n, opt)
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return &InputError{err}
	}
	each := func(yield func(*notice.Category) error) error {
		err := walkCategories(r, func(c *notice.Category) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			for _, is := range c.Issues {
				if _, ok := notice.StatusLabel[is.Status]; is.Status != "" && !ok {
					return errStream // notice.Unmarshal words it below
				}
			}
			return yield(c)
		}, nil)
		if err != nil && err != errChanged && ctx.Err() == nil {
			// A field of the wrong type, which the first pass skipped: the
			// whole-file reader says what is wrong in its words.
			if _, serr := r.Seek(0, io.SeekStart); serr == nil {
				if data, rerr := io.ReadAll(io.LimitReader(r, maxJSONInput)); rerr == nil {
					if _, uerr := notice.Unmarshal(data); uerr != nil {
						err = uerr
					}
				}
			}
			return &InputError{err}
		}
		return err
	}
	return writeWorkbook(w, head, plan, each, opt)
}

// InputError is an error of the input (as opposed to the output) in a
// conversion that reads and writes at once.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// errStream: the streaming pass gives up; the whole-file path says why.
var errStream = errors.New("not streamable")

// scanJSON is the first pass: the notice without its issues, and the plan
// (rows per category), from a byte scan that decodes no issue.
func scanJSON(r io.Reader) (*notice.Notice, *ledgerPlan, error) {
	raw, cats, err := scanNotice(r)
	if err != nil {
		return nil, nil, errStream
	}
	raw["categories"] = json.RawMessage("[]")
	data, err := json.Marshal(raw)
	if err != nil {
		return nil, nil, errStream
	}
	head, err := notice.Unmarshal(data)
	if err != nil {
		return nil, nil, errStream
	}
	plan := &ledgerPlan{}
	for _, c := range cats {
		plan.add(c.title, c.issues)
		head.Categories = append(head.Categories, notice.Category{Number: c.number, Title: c.title, Section: c.section, Issues: []notice.Issue{}})
	}
	return head, plan, nil
}

// walkCategories reads a notice JSON object, decoding the elements of its
// "categories" array one at a time and passing each to fn. Other top-level
// values are kept raw in other when it is not nil. The whole input must be
// one JSON object.
func walkCategories[C any](r io.Reader, fn func(*C) error, other map[string]json.RawMessage) error {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	if err := delim(dec, '{'); err != nil {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if key != "categories" {
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				return err
			}
			if other != nil {
				other[key] = v
			}
			continue
		}
		if err := delim(dec, '['); err != nil {
			return err
		}
		for dec.More() {
			var c C
			if err := dec.Decode(&c); err != nil {
				return err
			}
			if err := fn(&c); err != nil {
				return err
			}
		}
		if err := delim(dec, ']'); err != nil {
			return err
		}
	}
	if err := delim(dec, '}'); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("JSON 之后还有多余内容")
	}
	return nil
}

func delim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("JSON 结构不对：应为 %c", want)
	}
	return nil
}

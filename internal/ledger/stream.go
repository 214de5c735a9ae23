package ledger

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"

	json "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/rectify/rectify/internal/notice"
)

// maxJSONInput bounds what the fallback reads whole (the command's own
// input limit).
const maxJSONInput = 512 << 20

// WriteJSON writes the workbook for notice JSON read from r without holding
// the whole notice: a first pass counts the issues of each category and
// keeps everything but the issues; a second pass decodes the issues one at a
// time, on a goroutine of its own, while the rows are written. JSON that
// either pass cannot take (bad syntax, an unknown status, a field of the
// wrong type) is read whole by notice.Unmarshal instead, so that its message
// is the one every other path gives; nothing has been written to w then.
func WriteJSON(ctx context.Context, r io.ReadSeeker, w io.Writer, opt Options) error {
	head, plan, err := scanJSON(r)
	if err == nil {
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return &InputError{err}
		}
		rows := func(mk *rowMaker, yield func(*ledgerRow) error) error { return streamRows(ctx, r, mk, yield) }
		err = writeWorkbook(w, head, plan, rows, opt)
		if !errors.Is(err, errStream) {
			return err
		}
	}
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

// InputError is an error of the input (as opposed to the output) in a
// conversion that reads and writes at once.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// errStream: the streaming passes give up; the whole-file path says why.
var errStream = errors.New("not streamable")

// jsonOptions: encoding/json's (and so notice.Unmarshal's) matching of
// field names, whatever their case.
var jsonOptions = json.MatchCaseInsensitiveNames(true)

// scanJSON is the first pass: the notice without its issues, and the plan
// (rows per category). Only the top-level values and the categories' own
// fields are decoded, by notice.Unmarshal; the issues are only counted.
func scanJSON(r io.Reader) (*notice.Notice, *ledgerPlan, error) {
	d := jsontext.NewDecoder(r)
	var head bytes.Buffer // the notice with every category's issues left out
	head.WriteByte('{')
	var counts []int
	lists := 0
	err := object(d, func(key jsontext.Value) error {
		if head.Len() > 1 {
			head.WriteByte(',')
		}
		head.Write(key)
		head.WriteByte(':')
		if !isName(key, "categories") {
			v, err := d.ReadValue()
			head.Write(v)
			return err
		}
		if lists++; lists > 1 {
			return errStream // a second list: the whole-file reader decides
		}
		head.WriteByte('[')
		err := array(d, func() error {
			if len(counts) > 0 {
				head.WriteByte(',')
			}
			head.WriteByte('{')
			k, fields, lists := 0, 0, 0
			err := object(d, func(key jsontext.Value) error {
				if isName(key, "issues") {
					if lists++; lists > 1 {
						return errStream
					}
					return array(d, func() error { k++; return d.SkipValue() })
				}
				if fields > 0 {
					head.WriteByte(',')
				}
				fields++
				head.Write(key)
				head.WriteByte(':')
				v, err := d.ReadValue()
				head.Write(v)
				return err
			})
			head.WriteByte('}')
			counts = append(counts, k)
			return err
		})
		head.WriteByte(']')
		return err
	})
	head.WriteByte('}')
	if err != nil {
		return nil, nil, errStream
	}
	if _, err := d.ReadToken(); err != io.EOF {
		return nil, nil, errStream // something after the object
	}
	n, err := notice.Unmarshal(head.Bytes())
	if err != nil || len(n.Categories) != len(counts) {
		return nil, nil, errStream
	}
	plan := &ledgerPlan{}
	for i := range n.Categories {
		plan.add(n.Categories[i].Title, counts[i])
	}
	return n, plan, nil
}

// object reads an object whose '{' comes next, calling fn with each name
// (as written, quoted); fn must read the name's value.
func object(d *jsontext.Decoder, fn func(key jsontext.Value) error) error {
	if tok, err := d.ReadToken(); err != nil || tok.Kind() != '{' {
		return errStream
	}
	for d.PeekKind() == '"' {
		key, err := d.ReadValue()
		if err != nil {
			return err
		}
		if err := fn(key); err != nil {
			return err
		}
	}
	if tok, err := d.ReadToken(); err != nil || tok.Kind() != '}' {
		return errStream
	}
	return nil
}

// isName tells whether an object's name (as written, quoted) is the field
// name as encoding/json matches it: whatever the case.
func isName(key jsontext.Value, name string) bool {
	s := string(key[1 : len(key)-1])
	if bytes.IndexByte(key, '\\') >= 0 && json.Unmarshal(key, &s) != nil {
		return false
	}
	return strings.EqualFold(s, name)
}

// array reads an array whose '[' comes next, calling fn for each element,
// which fn must read.
func array(d *jsontext.Decoder, fn func() error) error {
	if tok, err := d.ReadToken(); err != nil || tok.Kind() != '[' {
		return errStream
	}
	for k := d.PeekKind(); k != ']' && k != 0; k = d.PeekKind() {
		if err := fn(); err != nil {
			return err
		}
	}
	if tok, err := d.ReadToken(); err != nil || tok.Kind() != ']' {
		return errStream
	}
	return nil
}

// streamBatch: rows handed from the decoding goroutine to the writer at a
// time (a channel send per row would cost more than the row).
const streamBatch = 256

// streamRows is the second pass: on a goroutine of its own it decodes the
// issues of every category in order and makes their rows, which it yields
// in batches, so that decoding runs beside the writing. At most a few
// batches are in flight.
func streamRows(ctx context.Context, r io.Reader, mk *rowMaker, yield func(*ledgerRow) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	full := make(chan []ledgerRow, 4)
	free := make(chan []ledgerRow, 6)
	done := make(chan error, 1)
	go func() {
		done <- decodeRows(ctx, r, mk, full, free)
		close(full)
	}()
	var err error
	for batch := range full {
		for i := 0; err == nil && i < len(batch); i++ {
			if err = yield(&batch[i]); err != nil {
				cancel() // and drain what is still sent
			}
		}
		select {
		case free <- batch[:0]:
		default:
		}
	}
	if derr := <-done; err == nil {
		err = derr
	}
	return err
}

// decodeRows walks the notice JSON, makes each issue's row and sends the
// rows, in batches, to full, taking emptied batches back from free. JSON
// the first pass accepted but this one does not take (a field of the wrong
// type, an unknown status) gives errStream.
func decodeRows(ctx context.Context, r io.Reader, mk *rowMaker, full chan<- []ledgerRow, free <-chan []ledgerRow) error {
	d := jsontext.NewDecoder(r)
	batch := make([]ledgerRow, 0, streamBatch)
	send := func() error {
		if err := ctx.Err(); err != nil {
			return err
		}
		select {
		case full <- batch:
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case batch = <-free:
		default:
			batch = make([]ledgerRow, 0, streamBatch)
		}
		return nil
	}
	var is notice.Issue
	err := object(d, func(key jsontext.Value) error {
		if !isName(key, "categories") {
			return d.SkipValue()
		}
		return array(d, func() error {
			return object(d, func(key jsontext.Value) error {
				if !isName(key, "issues") {
					return d.SkipValue()
				}
				return array(d, func() error {
					is = notice.Issue{}
					if err := json.UnmarshalDecode(d, &is, jsonOptions); err != nil {
						return errStream
					}
					if _, ok := notice.StatusLabel[is.Status]; is.Status != "" && !ok {
						return errStream
					}
					batch = batch[:len(batch)+1] // keeps the cells of a batch used before
					if err := mk.make(&is, &batch[len(batch)-1]); err != nil {
						return err
					}
					if len(batch) == streamBatch {
						return send()
					}
					return nil
				})
			})
		})
	})
	if err == nil && len(batch) > 0 {
		err = send()
	}
	if err != nil && err != errChanged && ctx.Err() == nil {
		return errStream
	}
	return err
}

package main

import (
	"errors"
	"os"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/format"
	"github.com/rectify/rectify/internal/safeio"
)

// convertStream converts through a streaming path when the two formats have
// one (format.LookupStream: JSON to .xlsx holds a few hundred issues at a time, not
// the whole notice and its source). It reports false when the conversion
// takes the usual path, which also gives the messages for inputs it cannot
// open.
func convertStream(e *env, in, out, to string, f *convertFlags) (bool, error) {
	if in == "-" || out == "-" {
		return false, nil
	}
	from := format.Name(f.from)
	if f.from == "" {
		from = format.FromPath(in)
	}
	conv := format.LookupStream(from, to)
	if conv == nil {
		return false, nil
	}
	st, err := os.Stat(in)
	if err != nil || !st.Mode().IsRegular() || st.Size() == 0 || st.Size() > maxInput {
		return false, nil
	}
	src, err := os.Open(in)
	if err != nil {
		return false, nil
	}
	defer src.Close()
	// A batch collects as usual, with conversions side by side.
	if f.outDir == "" {
		defer streamGC()()
	}
	opt := f.opt
	opt.File = out
	file, err := safeio.Create(out, f.force)
	if err != nil {
		return true, diag.Wrap(out, err)
	}
	if err := conv(e.ctx, src, file, opt); err != nil {
		file.Abort()
		if ie := (*format.InputError)(nil); errors.As(err, &ie) {
			return true, diag.Wrap(in, interrupted(e.ctx, ie.Err))
		}
		return true, diag.Wrap(out, interrupted(e.ctx, err))
	}
	return true, diag.Wrap(out, file.Commit())
}

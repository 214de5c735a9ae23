package pdftext

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/rectify/rectify/internal/diag"
)

var pdfcpuInit sync.Once

// decrypt removes a PDF's encryption with pdfcpu, which knows every standard
// security handler including AES-256 (the mandated reader refuses that one).
// A PDF with only an owner password opens with the empty user password, as
// every viewer opens it; one with a user password needs --password.
func decrypt(ctx context.Context, data []byte, password string) (out []byte, err error) {
	// No config folder written in the user's home. (The core packages are
	// used, not pkg/api: its form support pulls in a dependency whose init
	// costs ~40 ms on every start of rectify.)
	pdfcpuInit.Do(func() { model.ConfigPath = "disable" })
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("%w（解密失败：%v）", ErrMalformed, p)
		}
	}()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.UserPW = password
	conf.OwnerPW = password
	conf.Cmd = model.DECRYPT
	var buf bytes.Buffer
	err = func() error {
		pctx, err := pdfcpu.ReadWithContext(ctx, bytes.NewReader(data), conf)
		if err != nil {
			return err
		}
		w := bufio.NewWriter(&buf)
		pctx.Write.Writer = w
		if err := pdfcpu.WriteContext(pctx); err != nil {
			return err
		}
		return w.Flush()
	}()
	if err != nil {
		msg := err.Error()
		switch {
		case strings.Contains(msg, "password") || strings.Contains(msg, "authenticat"):
			if password != "" {
				return nil, fmt.Errorf("%w：密码不正确", diag.ErrNeedPassword)
			}
			return nil, fmt.Errorf("%w（这个 PDF 设置了打开密码，请用 --password 提供）", diag.ErrNeedPassword)
		case strings.Contains(msg, "not encrypted"):
			return data, nil
		}
		return nil, fmt.Errorf("%w（%v）", ErrMalformed, err)
	}
	return buf.Bytes(), nil
}

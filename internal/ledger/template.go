package ledger

import (
	"errors"

	"github.com/rectify/rectify/internal/notice"
)

// FillTemplate fills an office's own ledger template.
func FillTemplate(n *notice.Notice, path string) ([]byte, error) {
	return nil, errors.New("--template 尚未实现")
}

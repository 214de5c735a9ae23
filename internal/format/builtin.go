package format

import (
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textnotice"
)

func init() {
	RegisterReader("text", func(data []byte, _ Options) (*notice.Notice, error) { return textnotice.Read(data) })
	RegisterWriter("text", func(n *notice.Notice, _ Options) ([]byte, error) { return textnotice.Write(n), nil })
	RegisterReader("json", func(data []byte, _ Options) (*notice.Notice, error) { return notice.Unmarshal(data) })
	RegisterWriter("json", func(n *notice.Notice, _ Options) ([]byte, error) { return notice.Marshal(n) })
}

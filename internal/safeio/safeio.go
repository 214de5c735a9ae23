// Package safeio writes output files the safe way: to a temporary file in
// the same folder, then renamed, so that an interrupted run leaves no partial
// file and an existing file is replaced only when the user says so.
package safeio

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned when the output exists and force is not set.
var ErrExists = errors.New("输出文件已存在（要覆盖请加 --force）")

// WriteFile writes data to path atomically. Without force an existing path
// is left alone and ErrExists returned.
func WriteFile(path string, data []byte, force bool) error {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return fmt.Errorf("输出目录 %s 不存在", dir)
	}
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return ErrExists
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("无法检查输出文件：%v", err)
		}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("无法在 %s 创建临时文件：%v", dir, err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("写入失败：%v", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("写入失败：%v", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("写入失败：%v", err)
	}
	// CreateTemp makes 0600; an output document is for sharing.
	if err := os.Chmod(name, 0o644); err != nil {
		return err
	}
	if !force {
		// Link fails if path appeared meanwhile: no replace without --force.
		if err := os.Link(name, path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return ErrExists
			}
			if err := os.Rename(name, path); err != nil {
				return fmt.Errorf("无法写入输出文件：%v", err)
			}
			ok = true
			return nil
		}
		os.Remove(name)
		ok = true
		return nil
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("无法写入输出文件：%v", err)
	}
	ok = true
	return nil
}

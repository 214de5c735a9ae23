// Command excelizestart prints a line and exits, linking excelize (as
// rectify must) and nothing else: scripts/bench.sh times it beside
// `rectify version` and `pdftotext -v` to show what the mandated library's
// package initialisation alone costs every rectify command.
package main

import (
	"fmt"

	_ "github.com/xuri/excelize/v2"
)

func main() { fmt.Println("excelize linked") }

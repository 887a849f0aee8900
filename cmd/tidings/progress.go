package main

import (
	"fmt"
	"io"
	"strings"
)

// stageBar draws the progress of a command's stages on stderr when it is
// a terminal, one line per stage, redrawn in place:
//
//	reading        7 articles
//	cleaning     [##############################] 7/7
//	grouping     [##############################] 1/1
//	summarizing  [###############...............] 2/3
//
// A stage's line ends when the stage is done, when another stage starts,
// before a warning (see env.warn) and when the command ends, so that no
// later output lands on it. The zero value and a nil *stageBar draw
// nothing.
type stageBar struct {
	w     io.Writer // stderr when it is a terminal, else nil
	stage string    // the stage whose line is drawn
	open  bool      // a line is drawn and not yet ended
}

// barWidth is the number of cells of a bar.
const barWidth = 30

// update draws stage with done of total steps done, ending its line when
// done reaches total.
func (b *stageBar) update(stage string, done, total int) {
	if b == nil || b.w == nil || total <= 0 {
		return
	}
	b.begin(stage)
	n := barWidth * min(max(done, 0), total) / total
	fmt.Fprintf(b.w, "\r%-12s [%s%s] %d/%d", stage, strings.Repeat("#", n), strings.Repeat(".", barWidth-n), done, total)
	b.open = true
	if done >= total {
		b.end()
	}
}

// count draws stage with n units done, for a stage whose total is not
// known in advance ("reading  42 articles"); unit is singular.
func (b *stageBar) count(stage string, n int, unit string) {
	if b == nil || b.w == nil {
		return
	}
	b.begin(stage)
	if n != 1 {
		unit += "s"
	}
	fmt.Fprintf(b.w, "\r%-12s %d %s", stage, n, unit)
	b.open = true
}

// begin ends the line of the stage before when stage is another.
func (b *stageBar) begin(stage string) {
	if stage != b.stage {
		b.end()
		b.stage = stage
	}
}

// end ends the line drawn, if any.
func (b *stageBar) end() {
	if b == nil || !b.open {
		return
	}
	fmt.Fprintln(b.w)
	b.open = false
}

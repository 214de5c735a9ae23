package pdftext

// One lexer for the whole file: objects, content streams and CMaps. It
// always ends (an unterminated string or array ends at the end of the
// data) and never allocates for numbers.

type tokKind int

const (
	tokEOF tokKind = iota
	tokNum
	tokStr // literal or hex string, raw bytes
	tokName
	tokOp // operator or keyword
	tokArrOpen
	tokArrClose
	tokDictOpen
	tokDictClose
)

type token struct {
	kind    tokKind
	num     float64
	integer bool // a number written without a decimal point
	s       string
}

type lexer struct {
	b       []byte
	pos     int
	intern  map[string]string // names and operators seen, shared by a document's lexers
	scratch []byte            // strings with escapes and hex strings are decoded here
}

// str makes a string of a name or operator, once per distinct spelling: a
// document repeats a few hundred of them hundreds of thousands of times.
func (l *lexer) str(b []byte) string {
	if l.intern == nil {
		return string(b)
	}
	if s, ok := l.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(l.intern) < 1<<16 {
		l.intern[s] = s
	}
	return s
}

// number parses a PDF number ([+-]digits[.digits]) without allocating.
func number(b []byte) (v float64, integer, ok bool) {
	i, neg := 0, false
	if b[0] == '+' || b[0] == '-' {
		neg = b[0] == '-'
		i++
	}
	integer = true
	digits := 0
	var whole int64
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		if whole < 1e17 {
			whole = whole*10 + int64(b[i]-'0')
		}
		digits++
	}
	v = float64(whole)
	if i < len(b) && b[i] == '.' {
		integer = false
		scale := 0.1
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			v += float64(b[i]-'0') * scale
			scale /= 10
			digits++
		}
	}
	if i != len(b) || digits == 0 {
		return 0, false, false
	}
	if neg {
		v = -v
	}
	return v, integer, true
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) next() token {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isWhite(c) {
			l.pos++
			continue
		}
		if c == '%' { // comment to end of line
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		break
	}
	if l.pos >= len(l.b) {
		return token{kind: tokEOF}
	}
	c := l.b[l.pos]
	switch {
	case c == '(':
		return token{kind: tokStr, s: l.literal()}
	case c == '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return token{kind: tokDictOpen}
		}
		return token{kind: tokStr, s: l.hex()}
	case c == '>':
		l.pos++
		if l.pos < len(l.b) && l.b[l.pos] == '>' {
			l.pos++
			return token{kind: tokDictClose}
		}
		return l.next() // a stray '>': skip
	case c == '[':
		l.pos++
		return token{kind: tokArrOpen}
	case c == ']':
		l.pos++
		return token{kind: tokArrClose}
	case c == '{' || c == '}' || c == ')':
		l.pos++
		return l.next()
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		name := l.b[start:l.pos]
		if bytesIndexByte(name, '#') >= 0 {
			return token{kind: tokName, s: unescapeName(name)}
		}
		return token{kind: tokName, s: l.str(name)}
	}
	start := l.pos
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	word := l.b[start:l.pos]
	if len(word) == 0 { // cannot happen, but never loop
		l.pos++
		return l.next()
	}
	if (word[0] >= '0' && word[0] <= '9') || word[0] == '-' || word[0] == '+' || word[0] == '.' {
		if v, integer, ok := number(word); ok {
			return token{kind: tokNum, num: v, integer: integer}
		}
	}
	return token{kind: tokOp, s: l.str(word)}
}

// literal reads a (string) with escapes and nested parentheses; an
// unterminated one ends at the end of the data.
func (l *lexer) literal() string {
	l.pos++ // (
	// Most strings hold no escape and no parenthesis: one copy of the data.
	for i := l.pos; i < len(l.b); i++ {
		c := l.b[i]
		if c == ')' {
			s := string(l.b[l.pos:i])
			l.pos = i + 1
			return s
		}
		if c == '\\' || c == '(' {
			break
		}
	}
	depth := 1
	out := l.scratch[:0]
	defer func() { l.scratch = out[:0] }()
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		case '\\':
			if l.pos >= len(l.b) {
				return string(out)
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// hex reads a <hex string>; an unterminated one ends at the end of data.
func (l *lexer) hex() string {
	l.pos++ // <
	out := l.scratch[:0]
	defer func() { l.scratch = out[:0] }()
	hi := -1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v := unhex(c)
		if v < 0 {
			continue
		}
		if hi < 0 {
			hi = v
		} else {
			out = append(out, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	return string(out)
}

// unescapeName decodes #xx in a name (PDF 1.2 and later).
func unescapeName(b []byte) string {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) && unhex(b[i+1]) >= 0 && unhex(b[i+2]) >= 0 {
			out = append(out, byte(unhex(b[i+1])<<4|unhex(b[i+2])))
			i += 2
			continue
		}
		out = append(out, b[i])
	}
	return string(out)
}

func bytesIndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// operand is a value on the interpreter's stack.
type operand struct {
	kind tokKind // tokNum, tokStr, tokName, tokArrOpen for an array, tokDictOpen for a dictionary
	num  float64
	s    string
	arr  []operand // an array's elements; a dictionary's keys and values in turn
}

// key looks up a key of a dictionary operand.
func (o operand) key(k string) (operand, bool) {
	if o.kind == tokDictOpen {
		for i := 0; i+1 < len(o.arr); i += 2 {
			if o.arr[i].kind == tokName && o.arr[i].s == k {
				return o.arr[i+1], true
			}
		}
	}
	return operand{}, false
}

// ops runs fn for each operator in data with its operands. A stream whose
// operands pile up past maxOperands (counting those inside arrays and
// dictionaries), or nest past maxNesting, is an error: no real content
// stream or CMap comes near either.
func ops(g *guard, data []byte, fn func(op string, args []operand)) {
	l := &lexer{b: data}
	if g != nil {
		l.intern = g.intern
	}
	var stack []operand
	type open struct {
		kind  tokKind
		items []operand
	}
	var nest []open // arrays and dictionaries being read
	// Arrays and dictionaries of operators done, to hold the next ones: a
	// TJ array a line, a marked-content dictionary a paragraph. fn keeps
	// no operand's elements after it returns.
	var free [][]operand
	var recycle func(o operand)
	recycle = func(o operand) {
		if o.arr != nil {
			for _, e := range o.arr {
				recycle(e)
			}
			free = append(free, o.arr[:0])
		}
	}
	count := 0 // operands since the last operator
	counted := func() {
		count++
		if count > maxOperands {
			limit("内容流或 CMap 中一个操作的操作数（含数组、字典里的值）超过 %d 个", maxOperands)
		}
	}
	push := func(o operand) {
		counted()
		if n := len(nest); n > 0 {
			nest[n-1].items = append(nest[n-1].items, o)
		} else {
			stack = append(stack, o)
		}
	}
	for {
		g.step()
		t := l.next()
		switch t.kind {
		case tokEOF:
			return
		case tokNum, tokStr, tokName:
			push(operand{kind: t.kind, num: t.num, s: t.s})
		case tokArrOpen, tokDictOpen:
			if len(nest) >= maxNesting {
				limit("内容流中数组、字典嵌套超过 %d 层", maxNesting)
			}
			var items []operand
			if n := len(free); n > 0 {
				items, free = free[n-1], free[:n-1]
			}
			nest = append(nest, open{kind: t.kind, items: items})
		case tokArrClose, tokDictClose:
			want := tokArrOpen
			if t.kind == tokDictClose {
				want = tokDictOpen
			}
			if n := len(nest); n > 0 && nest[n-1].kind == want {
				o := operand{kind: want, arr: nest[n-1].items}
				nest = nest[:n-1]
				count--
				push(o)
			}
		case tokOp:
			if t.s == "BI" { // inline image: skip to EI
				l.skipInlineImage()
				stack, nest, count = stack[:0], nest[:0], 0
				continue
			}
			if len(nest) > 0 {
				counted() // keywords inside arrays and dictionaries are ignored
				continue
			}
			fn(t.s, stack)
			for _, o := range stack {
				recycle(o)
			}
			stack, count = stack[:0], 0
		}
	}
}

// skipInlineImage moves past "ID … EI".
func (l *lexer) skipInlineImage() {
	for l.pos+2 < len(l.b) {
		if l.b[l.pos] == 'I' && l.b[l.pos+1] == 'D' && (l.pos == 0 || isWhite(l.b[l.pos-1])) {
			l.pos += 2
			break
		}
		l.pos++
	}
	for l.pos+2 <= len(l.b) {
		if l.b[l.pos] == 'E' && l.b[l.pos+1] == 'I' && (l.pos == 0 || isWhite(l.b[l.pos-1])) && (l.pos+2 == len(l.b) || isWhite(l.b[l.pos+2])) {
			l.pos += 2
			return
		}
		l.pos++
	}
	l.pos = len(l.b)
}

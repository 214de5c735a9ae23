package pdftext

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"hash"

	"github.com/rectify/rectify/internal/diag"
)

// The Standard security handler (ISO 32000-2 §7.6.4), over the standard
// library's ciphers: RC4 40–128 bit (R2–R4), AES-128 (AESV2, R4) and
// AES-256 (AESV3, R5 and R6). Encrypted files are read by our own object
// layer only (lib.go routes them here), which decrypts each top-level
// object's strings when it parses the object and each stream's data when
// it decodes it: the one place where encrypted bytes become plain ones. The
// trailer, the Encrypt dictionary and cross-reference streams are not
// encrypted; objects inside an object stream are plain once the object
// stream is decrypted. (pdfcpu did this before by reading and rewriting
// the whole file before we parsed it again; it was linked for nothing else,
// and every command paid for its packages at start-up: ~90 page faults and
// 2.9 MB of binary, though no start-up time above the noise.)

// ErrEncryption is an encryption this package cannot undo.
var ErrEncryption = errors.New("PDF 使用了不支持的加密方式")

// cryptMethod is how one kind of data (strings, streams) is encrypted.
type cryptMethod int

const (
	cryptNone  cryptMethod = iota // Identity: not encrypted
	cryptRC4                      // RC4 with a per-object key
	cryptAESV2                    // AES-128-CBC with a per-object key
	cryptAESV3                    // AES-256-CBC with the file key
)

// security decrypts a file's objects.
type security struct {
	key        []byte
	str, stm   cryptMethod
	filters    map[string]cryptMethod // the /CF crypt filters, for streams that name one
	encryptNum int                    // the Encrypt dictionary's object (-1: direct)
	plainMeta  bool                   // /EncryptMetadata false: metadata streams are plain
}

// passwordPad pads a password of revisions 2–4 (Algorithm 2, step a).
var passwordPad = []byte("\x28\xbf\x4e\x5e\x4e\x75\x8a\x41\x64\x00\x4e\x56\xff\xfa\x01\x08\x2e\x2e\x00\xb6\xd0\x68\x3e\x80\x2f\x0c\xa9\xfe\x64\x53\x69\x7a")

// openSecurity reads the trailer's Encrypt dictionary and authenticates
// password as the user's, then as the owner's. A file with only an owner
// password opens with the empty user password, as every viewer opens it.
func (d *doc) openSecurity(password string) *security {
	ref := d.trailer["Encrypt"]
	enc, ok := d.resolve(ref).(pdfDict)
	if !ok {
		malformed("加密字典（Encrypt）缺失或已损坏")
	}
	s := &security{encryptNum: -1, filters: map[string]cryptMethod{"Identity": cryptNone}}
	if r, ok := ref.(pdfRef); ok {
		s.encryptNum = r.num
	}
	if f, _ := d.resolve(enc["Filter"]).(pdfName); f != "Standard" {
		fail(fmt.Errorf("%w（安全处理程序 %q，rectify 只支持口令加密 Standard）", ErrEncryption, string(f)))
	}
	num := func(k string) int64 { n, _ := d.resolve(enc[k]).(int64); return n }
	str := func(k string) []byte { s, _ := d.resolve(enc[k]).(pdfString); return []byte(s) }
	v, r := num("V"), num("R")
	s.plainMeta = d.resolve(enc["EncryptMetadata"]) == false
	keyLen := int(num("Length") / 8)
	switch v {
	case 1:
		s.str, s.stm, keyLen = cryptRC4, cryptRC4, 5
	case 2:
		s.str, s.stm = cryptRC4, cryptRC4
	case 4, 5:
		cf, _ := d.resolve(enc["CF"]).(pdfDict)
		for name, f := range cf {
			fd, _ := d.resolve(f).(pdfDict)
			m, _ := d.resolve(fd["CFM"]).(pdfName)
			switch m {
			case "V2":
				s.filters[name] = cryptRC4
				if n, _ := d.resolve(fd["Length"]).(int64); n > 0 && v == 4 {
					// Bits in ISO 32000-1, bytes in some writers.
					keyLen = int(n)
					if n > 16 {
						keyLen = int(n / 8)
					}
				}
			case "AESV2":
				s.filters[name] = cryptAESV2
			case "AESV3":
				s.filters[name] = cryptAESV3
			case "None", "":
				s.filters[name] = cryptNone
			default:
				fail(fmt.Errorf("%w（加密算法 %q）", ErrEncryption, string(m)))
			}
		}
		pick := func(k string) cryptMethod {
			n, _ := d.resolve(enc[k]).(pdfName)
			if n == "" {
				n = "Identity"
			}
			m, ok := s.filters[string(n)]
			if !ok {
				malformed("加密字典的 /%s 指向不存在的加密过滤器 %q", k, string(n))
			}
			return m
		}
		s.str, s.stm = pick("StrF"), pick("StmF")
	default:
		fail(fmt.Errorf("%w（/V %d）", ErrEncryption, v))
	}
	if keyLen == 0 {
		keyLen = 5 // /Length defaults to 40 bits
	}
	if v < 5 && (keyLen < 5 || keyLen > 16) {
		malformed("加密密钥长度 %d 位不正确", keyLen*8)
	}
	var key []byte
	switch {
	case r >= 2 && r <= 4 && v < 5:
		if s.str == cryptAESV2 || s.stm == cryptAESV2 {
			keyLen = 16
		}
		var id []byte
		if ids, ok := d.resolve(d.trailer["ID"]).(pdfArray); ok && len(ids) > 0 {
			i, _ := d.resolve(ids[0]).(pdfString)
			id = []byte(i)
		}
		key = legacyKey(password, str("O"), str("U"), uint32(num("P")), id, int(r), keyLen, s.plainMeta && r >= 4)
	case r == 5 || r == 6:
		key = aesV3Key(password, str("O"), str("U"), str("OE"), str("UE"), int(r))
	default:
		fail(fmt.Errorf("%w（/R %d）", ErrEncryption, r))
	}
	if key == nil {
		if password != "" {
			fail(fmt.Errorf("%w：密码不正确", diag.ErrNeedPassword))
		}
		fail(fmt.Errorf("%w（这个 PDF 设置了打开密码，请用 --password 提供）", diag.ErrNeedPassword))
	}
	s.key = key
	return s
}

// legacyKey is the file key of revisions 2–4 for password as the user's
// or, failing that, the owner's (Algorithms 2, 6 and 7); nil if it is
// neither.
func legacyKey(password string, o, u []byte, p uint32, id []byte, r, n int, plainMeta bool) []byte {
	if len(o) < 32 || len(u) < 32 {
		malformed("加密字典的 /O 或 /U 不完整")
	}
	pw := latin1(password)
	fileKey := func(pw []byte) []byte { // Algorithm 2
		h := md5.New()
		h.Write(padded(pw))
		h.Write(o[:32])
		h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
		h.Write(id)
		if plainMeta {
			h.Write([]byte{0xff, 0xff, 0xff, 0xff})
		}
		return md5Rounds(h.Sum(nil), r, n)
	}
	isUser := func(key []byte) bool { // Algorithms 4, 5 and 6
		if r == 2 {
			got := bytes.Clone(passwordPad)
			rc4Rounds(key, got, r, false)
			return bytes.Equal(got, u[:32])
		}
		h := md5.New()
		h.Write(passwordPad)
		h.Write(id)
		got := h.Sum(nil)
		rc4Rounds(key, got, r, false)
		return bytes.Equal(got, u[:16])
	}
	if key := fileKey(pw); isUser(key) {
		return key
	}
	// Algorithm 7: the owner password's key decrypts /O into the user
	// password.
	sum := md5.Sum(padded(pw))
	user := bytes.Clone(o[:32])
	rc4Rounds(md5Rounds(sum[:], r, n), user, r, true)
	if key := fileKey(user); isUser(key) {
		return key
	}
	return nil
}

// md5Rounds is k hashed again 50 times for revision 3 and later
// (Algorithms 2 and 3), cut to n bytes.
func md5Rounds(k []byte, r, n int) []byte {
	if r >= 3 {
		for range 50 {
			sum := md5.Sum(k[:n])
			k = sum[:]
		}
	}
	return k[:n]
}

// rc4Rounds encrypts b in place with key: once for revision 2, for later
// ones 20 times with key XOR 0…19 (Algorithms 5 and 7), or in the reverse
// order (down).
func rc4Rounds(key, b []byte, r int, down bool) {
	if r == 2 {
		c, _ := rc4.NewCipher(key)
		c.XORKeyStream(b, b)
		return
	}
	k := make([]byte, len(key))
	for i := range 20 {
		x := i
		if down {
			x = 19 - i
		}
		for j := range key {
			k[j] = key[j] ^ byte(x)
		}
		c, _ := rc4.NewCipher(k)
		c.XORKeyStream(b, b)
	}
}

// padded is a password of revisions 2–4 cut or padded to 32 bytes.
func padded(pw []byte) []byte {
	out := make([]byte, 32)
	n := copy(out, pw)
	copy(out[n:], passwordPad)
	return out
}

// latin1 is a password as revisions 2–4 use it: PDFDocEncoding bytes where
// the characters fit one byte, its UTF-8 otherwise.
func latin1(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xff {
			return []byte(s)
		}
		out = append(out, byte(r))
	}
	return out
}

// aesV3Key is the file key of revisions 5 and 6 (Algorithms 2.A, 2.B,
// 11, 12), the password tried as the user's, then as the owner's; nil if
// it is neither. The password is taken as UTF-8 without SASLprep, which
// changes only unusual characters.
func aesV3Key(password string, o, u, oe, ue []byte, r int) []byte {
	if len(o) < 48 || len(u) < 48 || len(oe) < 32 || len(ue) < 32 {
		malformed("加密字典的 /O、/U、/OE 或 /UE 不完整")
	}
	pw := []byte(password)
	if len(pw) > 127 {
		pw = pw[:127]
	}
	unwrap := func(k, e []byte) []byte {
		c, _ := aes.NewCipher(k)
		out := make([]byte, 32)
		cipher.NewCBCDecrypter(c, make([]byte, 16)).CryptBlocks(out, e[:32])
		return out
	}
	if bytes.Equal(hashV3(pw, u[32:40], nil, r), u[:32]) {
		return unwrap(hashV3(pw, u[40:48], nil, r), ue)
	}
	if bytes.Equal(hashV3(pw, o[32:40], u[:48], r), o[:32]) {
		return unwrap(hashV3(pw, o[40:48], u[:48], r), oe)
	}
	return nil
}

// hashV3 is Algorithm 2.B (revision 6), or its first step alone, SHA-256
// (revision 5).
func hashV3(pw, salt, udata []byte, r int) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	if r == 5 {
		return k
	}
	var e []byte
	for i := 0; i < 64 || int(e[len(e)-1]) > i-32; i++ {
		seq := make([]byte, 0, len(pw)+len(k)+len(udata))
		seq = append(append(append(seq, pw...), k...), udata...)
		k1 := bytes.Repeat(seq, 64)
		c, _ := aes.NewCipher(k[:16])
		e = make([]byte, len(k1))
		cipher.NewCBCEncrypter(c, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		var next hash.Hash
		switch sum % 3 {
		case 0:
			next = sha256.New()
		case 1:
			next = sha512.New384()
		default:
			next = sha512.New()
		}
		next.Write(e)
		k = next.Sum(nil)
	}
	return k[:32]
}

// decrypt undoes method on the data of object num gen.
func (s *security) decrypt(m cryptMethod, data []byte, num, gen int) []byte {
	if m == cryptNone {
		return data
	}
	key := s.key
	if m != cryptAESV3 {
		h := md5.New()
		h.Write(s.key)
		h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
		if m == cryptAESV2 {
			h.Write([]byte("sAlT"))
		}
		key = h.Sum(nil)[:min(len(s.key)+5, 16)]
	}
	if m == cryptRC4 {
		c, _ := rc4.NewCipher(key)
		out := make([]byte, len(data))
		c.XORKeyStream(out, data)
		return out
	}
	// AES-CBC, the IV first, PKCS#5 padding. A damaged tail (not a whole
	// block) is dropped, as viewers drop it.
	if len(data) < 32 {
		return nil
	}
	c, err := aes.NewCipher(key)
	if err != nil {
		return nil
	}
	body := data[16 : 16+(len(data)-16)/16*16]
	out := make([]byte, len(body))
	cipher.NewCBCDecrypter(c, data[:16]).CryptBlocks(out, body)
	if pad := int(out[len(out)-1]); pad >= 1 && pad <= 16 {
		out = out[:len(out)-pad]
	}
	return out
}

// decryptObject decrypts the strings of top-level object num gen, and a
// stream's data, in place.
func (s *security) decryptObject(v any, num, gen int) any {
	if num == s.encryptNum {
		return v
	}
	var walk func(v any) any
	walk = func(v any) any {
		switch o := v.(type) {
		case pdfString:
			return pdfString(s.decrypt(s.str, []byte(o), num, gen))
		case pdfArray:
			for i, x := range o {
				o[i] = walk(x)
			}
		case pdfDict:
			for k, x := range o {
				o[k] = walk(x)
			}
		case *pdfStream:
			if o.dict["Type"] == pdfName("XRef") {
				return o
			}
			walk(o.dict)
			o.raw = s.decrypt(s.streamMethod(o.dict), o.raw, num, gen)
		}
		return v
	}
	return walk(v)
}

// streamMethod is how a stream is encrypted: a /Crypt filter first in its
// chain names its own crypt filter; metadata may be plain.
func (s *security) streamMethod(dict pdfDict) cryptMethod {
	if s.plainMeta && dict["Type"] == pdfName("Metadata") {
		return cryptNone
	}
	first, parms := dict["Filter"], dict["DecodeParms"]
	if a, ok := first.(pdfArray); ok && len(a) > 0 {
		first = a[0]
		if p, ok := parms.(pdfArray); ok && len(p) > 0 {
			parms = p[0]
		} else {
			parms = nil
		}
	}
	if first != pdfName("Crypt") {
		return s.stm
	}
	name := pdfName("Identity")
	if p, ok := parms.(pdfDict); ok {
		if n, ok := p["Name"].(pdfName); ok {
			name = n
		}
	}
	if m, ok := s.filters[string(name)]; ok {
		return m
	}
	malformed("数据流指定了不存在的加密过滤器 %q", string(name))
	return cryptNone
}

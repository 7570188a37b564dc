package checkpoint

import (
	"encoding/binary"
	"fmt"
	"unicode/utf8"
)

// The wire format of MindSpore's checkpoint.proto (proto2):
//
//	message Checkpoint {
//	  message Value {
//	    required string tag = 1;
//	    required TensorProto tensor = 2;
//	  }
//	  repeated Value value = 1;
//	}
//	message TensorProto {
//	  repeated int64 dims = 1;
//	  required string tensor_type = 2;
//	  required bytes tensor_content = 3;
//	}
//
// A .ckpt file is one serialized Checkpoint message. MindSpore 2.x writes
// each parameter as its own Checkpoint message and appends them, which is
// the same bytes as one message, and splits tensors larger than 512 MiB
// into consecutive values with the same tag.

const (
	wireVarint = 0
	wireI64    = 1
	wireBytes  = 2
	wireI32    = 5
)

// rawValue is one decoded Checkpoint.Value before type conversion.
type rawValue struct {
	tag     string
	dims    []int64
	dtype   string
	content []byte
}

func appendKey(b []byte, field, wire int) []byte {
	return binary.AppendUvarint(b, uint64(field<<3|wire))
}

func appendBytesField(b []byte, field int, data []byte) []byte {
	b = appendKey(b, field, wireBytes)
	b = binary.AppendUvarint(b, uint64(len(data)))
	return append(b, data...)
}

// encodeValue serializes one Checkpoint.value field (field 1 of the
// outer message). dims are written unpacked, as proto2 does by default.
func encodeValue(b []byte, v rawValue) []byte {
	var tensor []byte
	for _, d := range v.dims {
		tensor = appendKey(tensor, 1, wireVarint)
		tensor = binary.AppendUvarint(tensor, uint64(d))
	}
	tensor = appendBytesField(tensor, 2, []byte(v.dtype))
	tensor = appendBytesField(tensor, 3, v.content)

	var value []byte
	value = appendBytesField(value, 1, []byte(v.tag))
	value = appendBytesField(value, 2, tensor)
	return appendBytesField(b, 1, value)
}

// wireReader walks the fields of one protobuf message.
type wireReader struct {
	data []byte
	pos  int
	base int // offset of data in the file, for error messages
}

// field is one decoded field: its number, wire type, and either a
// varint value or the bytes of a length-delimited field.
type field struct {
	num, wire int
	varint    uint64
	bytes     []byte
	offset    int
}

func (r *wireReader) done() bool { return r.pos >= len(r.data) }

func (r *wireReader) uvarint(what string) (uint64, error) {
	v, n := binary.Uvarint(r.data[r.pos:])
	if n == 0 {
		return 0, fmt.Errorf("truncated %s at byte %d", what, r.base+r.pos)
	}
	if n < 0 {
		return 0, fmt.Errorf("malformed %s (varint longer than 10 bytes) at byte %d", what, r.base+r.pos)
	}
	r.pos += n
	return v, nil
}

func (r *wireReader) next() (field, error) {
	f := field{offset: r.base + r.pos}
	key, err := r.uvarint("field key")
	if err != nil {
		return f, err
	}
	f.num, f.wire = int(key>>3), int(key&7)
	if f.num == 0 {
		return f, fmt.Errorf("invalid field number 0 at byte %d", f.offset)
	}
	switch f.wire {
	case wireVarint:
		f.varint, err = r.uvarint("varint field")
		return f, err
	case wireI64, wireI32:
		size := 8
		if f.wire == wireI32 {
			size = 4
		}
		if len(r.data)-r.pos < size {
			return f, fmt.Errorf("truncated fixed-width field %d at byte %d", f.num, f.offset)
		}
		f.bytes = r.data[r.pos : r.pos+size]
		r.pos += size
		return f, nil
	case wireBytes:
		n, err := r.uvarint("length")
		if err != nil {
			return f, err
		}
		if n > uint64(len(r.data)-r.pos) {
			return f, fmt.Errorf("truncated: field %d at byte %d declares %d bytes but only %d remain", f.num, f.offset, n, len(r.data)-r.pos)
		}
		f.bytes = r.data[r.pos : r.pos+int(n)]
		r.pos += int(n)
		return f, nil
	}
	return f, fmt.Errorf("unsupported wire type %d for field %d at byte %d", f.wire, f.num, f.offset)
}

// decodeCheckpoint parses a serialized Checkpoint message. Every top-level
// field must be field 1 (value): a file with any other field is not a
// checkpoint, although protobuf itself would skip it.
func decodeCheckpoint(data []byte) ([]rawValue, error) {
	r := &wireReader{data: data}
	var out []rawValue
	for !r.done() {
		f, err := r.next()
		if err != nil {
			return nil, err
		}
		if f.num != 1 || f.wire != wireBytes {
			return nil, fmt.Errorf("unexpected top-level field %d (wire type %d) at byte %d; a checkpoint contains only value entries", f.num, f.wire, f.offset)
		}
		v, err := decodeValue(f.bytes, f.offset, len(out))
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func decodeValue(data []byte, base, index int) (rawValue, error) {
	r := &wireReader{data: data, base: base}
	var v rawValue
	hasTag, hasTensor := false, false
	for !r.done() {
		f, err := r.next()
		if err != nil {
			return v, fmt.Errorf("entry %d: %v", index, err)
		}
		switch {
		case f.num == 1 && f.wire == wireBytes:
			if !utf8.Valid(f.bytes) {
				return v, fmt.Errorf("entry %d: the tag at byte %d is not valid UTF-8", index, f.offset)
			}
			v.tag, hasTag = string(f.bytes), true
		case f.num == 2 && f.wire == wireBytes:
			if err := decodeTensor(f.bytes, f.offset, &v); err != nil {
				return v, fmt.Errorf("entry %d: %v", index, err)
			}
			hasTensor = true
		case f.num == 1 || f.num == 2:
			return v, fmt.Errorf("entry %d: field %d has wire type %d, want 2 (length-delimited)", index, f.num, f.wire)
		}
	}
	if !hasTag {
		return v, fmt.Errorf("entry %d is missing its required tag", index)
	}
	if !hasTensor {
		return v, fmt.Errorf("entry %d ('%s') is missing its required tensor", index, v.tag)
	}
	return v, nil
}

func decodeTensor(data []byte, base int, v *rawValue) error {
	r := &wireReader{data: data, base: base}
	hasType, hasContent := false, false
	for !r.done() {
		f, err := r.next()
		if err != nil {
			return err
		}
		switch {
		case f.num == 1 && f.wire == wireVarint:
			v.dims = append(v.dims, int64(f.varint))
		case f.num == 1 && f.wire == wireBytes:
			if err := decodePackedDims(f, v); err != nil {
				return err
			}
		case f.num == 2 && f.wire == wireBytes:
			v.dtype, hasType = string(f.bytes), true
		case f.num == 3 && f.wire == wireBytes:
			v.content, hasContent = f.bytes, true
		case f.num <= 3:
			return fmt.Errorf("tensor field %d has wire type %d at byte %d", f.num, f.wire, f.offset)
		}
	}
	if !hasType {
		return fmt.Errorf("tensor is missing its required tensor_type")
	}
	if !hasContent {
		return fmt.Errorf("tensor is missing its required tensor_content")
	}
	return nil
}

func decodePackedDims(f field, v *rawValue) error {
	r := &wireReader{data: f.bytes, base: f.offset}
	for !r.done() {
		d, err := r.uvarint("packed dims")
		if err != nil {
			return err
		}
		v.dims = append(v.dims, int64(d))
	}
	return nil
}

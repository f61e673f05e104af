;; Removes terminal escape sequences from text of many lines, as ANSI_ESCAPE_IN_LINES (src/util/ansi-escape-pattern.ts)
;; replaces them with nothing. Built into escape-strip-binary.ts by `npm run build:wasm`; a test checks they agree,
;; and a property test holds `strip` to the regex.
;;
;; Memory layout (shared with src/ingest/escape-strip.ts): the input at 0, its copy without escapes at the output
;; offset the caller passes, which leaves 16 bytes after the input's end; 16 bytes of room after the output's end
;; (blocks are stored whole). The caller grows the memory.
(module
  (memory (export "memory") 1)

  ;; Where the escape sequence of the ESC at $at ends, for input ending at $end: the pattern's alternatives in turn.
  ;;   ESC [ params* intermediates* final  (a CSI); ESC [ with no final is the two-byte escape ESC [
  ;;   ESC ]|_|P|^|X text up to BEL, ESC or LF, then BEL or ESC \ if there (a string sequence)
  ;;   ESC intermediates* 0x30-0x7e  (any other escape); else the ESC alone
  (func $sequenceEnd (param $at i32) (param $end i32) (result i32)
    (local $i i32) (local $c i32)
    (local.set $i (i32.add (local.get $at) (i32.const 1)))
    (if (i32.ge_u (local.get $i) (local.get $end)) (then (return (local.get $i))))
    (local.set $c (i32.load8_u (local.get $i)))
    (if (i32.eq (local.get $c) (i32.const 0x5b))
      (then
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (block $params
          (loop $more
            (br_if $params (i32.ge_u (local.get $i) (local.get $end)))
            (br_if $params (i32.gt_u (i32.sub (i32.load8_u (local.get $i)) (i32.const 0x30)) (i32.const 0x0f)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $more)))
        (local.set $i (call $afterIntermediates (local.get $i) (local.get $end)))
        (if (i32.lt_u (local.get $i) (local.get $end))
          (then
            (if (i32.le_u (i32.sub (i32.load8_u (local.get $i)) (i32.const 0x40)) (i32.const 0x3e))
              (then (return (i32.add (local.get $i) (i32.const 1)))))))
        (return (i32.add (local.get $at) (i32.const 2)))))
    (if (call $isStringIntroducer (local.get $c))
      (then
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (block $text
          (loop $more
            (br_if $text (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $c (i32.load8_u (local.get $i)))
            (br_if $text (i32.eq (local.get $c) (i32.const 0x07)))
            (br_if $text (i32.eq (local.get $c) (i32.const 0x1b)))
            (br_if $text (i32.eq (local.get $c) (i32.const 0x0a)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $more)))
        (if (i32.ge_u (local.get $i) (local.get $end)) (then (return (local.get $i))))
        (if (i32.eq (local.get $c) (i32.const 0x07)) (then (return (i32.add (local.get $i) (i32.const 1)))))
        (if (i32.eq (local.get $c) (i32.const 0x1b))
          (then
            (if (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $end))
              (then
                (if (i32.eq (i32.load8_u offset=1 (local.get $i)) (i32.const 0x5c))
                  (then (return (i32.add (local.get $i) (i32.const 2)))))))))
        (return (local.get $i))))
    (local.set $i (call $afterIntermediates (local.get $i) (local.get $end)))
    (if (i32.lt_u (local.get $i) (local.get $end))
      (then
        (if (i32.le_u (i32.sub (i32.load8_u (local.get $i)) (i32.const 0x30)) (i32.const 0x4e))
          (then (return (i32.add (local.get $i) (i32.const 1)))))))
    (i32.add (local.get $at) (i32.const 1)))

  ;; The first byte from $i on that is no intermediate (0x20-0x2f), or $end.
  (func $afterIntermediates (param $i i32) (param $end i32) (result i32)
    (block $done
      (loop $more
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (br_if $done (i32.gt_u (i32.sub (i32.load8_u (local.get $i)) (i32.const 0x20)) (i32.const 0x0f)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (local.get $i))

  ;; `]` OSC, `_` APC, `P` DCS, `^` PM, `X` SOS.
  (func $isStringIntroducer (param $c i32) (result i32)
    (i32.or
      (i32.or (i32.eq (local.get $c) (i32.const 0x5d)) (i32.eq (local.get $c) (i32.const 0x5f)))
      (i32.or
        (i32.or (i32.eq (local.get $c) (i32.const 0x50)) (i32.eq (local.get $c) (i32.const 0x5e)))
        (i32.eq (local.get $c) (i32.const 0x58)))))

  ;; Copies input[0, $len) to $out without its escape sequences and returns the copy's length. Blocks of 16 bytes
  ;; without an ESC are copied whole; a block with one is stored whole too, and the output moves on only to the ESC.
  (func (export "strip") (param $len i32) (param $out i32) (result i32)
    (local $i i32) (local $j i32) (local $v v128) (local $k i32) (local $c i32)
    (local.set $j (local.get $out))
    (block $tail
      (loop $blocks
        (br_if $tail (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $len)))
        (local.set $v (v128.load (local.get $i)))
        (v128.store (local.get $j) (local.get $v))
        (local.set $k
          (i8x16.bitmask (i8x16.eq (local.get $v) (v128.const i8x16 27 27 27 27 27 27 27 27 27 27 27 27 27 27 27 27))))
        (if (i32.eqz (local.get $k))
          (then
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $blocks)))
        (local.set $k (i32.ctz (local.get $k)))
        (local.set $j (i32.add (local.get $j) (local.get $k)))
        (local.set $i (call $sequenceEnd (i32.add (local.get $i) (local.get $k)) (local.get $len)))
        (br $blocks)))
    (block $done
      (loop $bytes
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $c (i32.load8_u (local.get $i)))
        (if (i32.eq (local.get $c) (i32.const 27))
          (then (local.set $i (call $sequenceEnd (local.get $i) (local.get $len))))
          (else
            (i32.store8 (local.get $j) (local.get $c))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))))
        (br $bytes)))
    (i32.sub (local.get $j) (local.get $out)))
)

;; Multi-needle prefilter for the quiet fast path (a "Teddy" matcher with 8 buckets and 4-byte fingerprints),
;; plus a newline counter. Built into trigger-scan-binary.ts by `npm run build:wasm`; a test checks they agree.
;;
;; Memory layout (offsets in bytes, shared with simd-trigger-scanner.ts):
;;   0     8 nibble tables of 16 bytes: for fingerprint byte p = 0..3, LO(p) at 32p and HI(p) at 32p + 16.
;;         Lane x of LO(p) holds the buckets (one bit each) whose fingerprint byte p has low nibble x; HI(p)
;;         the same for the high nibble. A byte b can be fingerprint byte p of bucket k iff bit k is set in
;;         both LO(p)[b & 15] and HI(p)[b >> 4].
;;   128   16 bytes of scratch.
;;   1024  the input region, followed by at least 32 zero bytes.
;;   67584 the output: (window start, bucket bits) pairs of i32.
(module
  (memory (export "memory") 12)

  (func $table (param $at i32) (result v128)
    (v128.load (local.get $at)))

  ;; Candidates of the input's first $len bytes: writes one pair per position where the 4 bytes starting there
  ;; can be some bucket's fingerprint, in ascending order, and returns how many. Windows may run into the
  ;; zero padding (needles shorter than 4 bytes have wildcard fingerprint bytes).
  (func (export "scan") (param $len i32) (result i32)
    (local $i i32) (local $n i32) (local $bits i32) (local $k i32) (local $out i32)
    (local $v v128) (local $lo v128) (local $hi v128) (local $r v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $p0 v128) (local $p1 v128) (local $p2 v128)
    (local $lo0 v128) (local $hi0 v128) (local $lo1 v128) (local $hi1 v128)
    (local $lo2 v128) (local $hi2 v128) (local $lo3 v128) (local $hi3 v128)
    (local.set $lo0 (call $table (i32.const 0)))
    (local.set $hi0 (call $table (i32.const 16)))
    (local.set $lo1 (call $table (i32.const 32)))
    (local.set $hi1 (call $table (i32.const 48)))
    (local.set $lo2 (call $table (i32.const 64)))
    (local.set $hi2 (call $table (i32.const 80)))
    (local.set $lo3 (call $table (i32.const 96)))
    (local.set $hi3 (call $table (i32.const 112)))
    (local.set $out (i32.const 67584))
    (block $done
      (loop $blocks
        ;; A window starting at $len - 1 ends at $len + 2: the block holding that byte is the last one.
        (br_if $done (i32.gt_u (local.get $i) (i32.add (local.get $len) (i32.const 2))))
        (local.set $v (v128.load (i32.add (i32.const 1024) (local.get $i))))
        (local.set $lo (v128.and (local.get $v) (v128.const i8x16 15 15 15 15 15 15 15 15 15 15 15 15 15 15 15 15)))
        (local.set $hi (i8x16.shr_u (local.get $v) (i32.const 4)))
        (local.set $c0 (v128.and (i8x16.swizzle (local.get $lo0) (local.get $lo)) (i8x16.swizzle (local.get $hi0) (local.get $hi))))
        (local.set $c1 (v128.and (i8x16.swizzle (local.get $lo1) (local.get $lo)) (i8x16.swizzle (local.get $hi1) (local.get $hi))))
        (local.set $c2 (v128.and (i8x16.swizzle (local.get $lo2) (local.get $lo)) (i8x16.swizzle (local.get $hi2) (local.get $hi))))
        (local.set $c3 (v128.and (i8x16.swizzle (local.get $lo3) (local.get $lo)) (i8x16.swizzle (local.get $hi3) (local.get $hi))))
        ;; Lane k of $r: the window ending at byte $i + k, i.e. c3[k] & c2[k-1] & c1[k-2] & c0[k-3], where lanes
        ;; below 0 come from the previous block.
        (local.set $r
          (v128.and
            (v128.and
              (local.get $c3)
              (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 (local.get $p2) (local.get $c2)))
            (v128.and
              (i8x16.shuffle 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 (local.get $p1) (local.get $c1))
              (i8x16.shuffle 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 (local.get $p0) (local.get $c0)))))
        (if (v128.any_true (local.get $r))
          (then
            (v128.store (i32.const 128) (local.get $r))
            (local.set $bits (i8x16.bitmask (i8x16.ne (local.get $r) (v128.const i64x2 0 0))))
            (loop $lanes
              (local.set $k (i32.ctz (local.get $bits)))
              (i32.store (local.get $out) (i32.sub (i32.add (local.get $i) (local.get $k)) (i32.const 3)))
              (i32.store offset=4 (local.get $out) (i32.load8_u offset=128 (local.get $k)))
              (local.set $out (i32.add (local.get $out) (i32.const 8)))
              (local.set $n (i32.add (local.get $n) (i32.const 1)))
              (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
              (br_if $lanes (local.get $bits)))))
        (local.set $p0 (local.get $c0))
        (local.set $p1 (local.get $c1))
        (local.set $p2 (local.get $c2))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $blocks)))
    (local.get $n))

  ;; The number of LF bytes in input[$from, $to).
  (func (export "countNewlines") (param $from i32) (param $to i32) (result i32)
    (local $i i32) (local $end i32) (local $n i32)
    (local.set $i (i32.add (i32.const 1024) (local.get $from)))
    (local.set $end (i32.add (i32.const 1024) (local.get $to)))
    (block $wide
      (loop $blocks
        (br_if $wide (i32.gt_s (i32.add (local.get $i) (i32.const 16)) (local.get $end)))
        (local.set $n
          (i32.add (local.get $n)
            (i32.popcnt (i8x16.bitmask (i8x16.eq (v128.load (local.get $i)) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $blocks)))
    (block $tail
      (loop $bytes
        (br_if $tail (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $n (i32.add (local.get $n) (i32.eq (i32.load8_u (local.get $i)) (i32.const 10))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $bytes)))
    (local.get $n))
)

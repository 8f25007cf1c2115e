;; A tight integer loop: locals, arithmetic and a back-edge per iteration, no calls or memory.
(module
  (func (export "loop") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        ;; acc = (acc * 31 + i) ^ (i >> 3)
        (local.set $acc
          (i32.xor
            (i32.add (i32.mul (local.get $acc) (i32.const 31)) (local.get $i))
            (i32.shr_u (local.get $i) (i32.const 3))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc)))

;; The Fibonacci numbers, computed by naive recursion (about fib(n) calls: a benchmark of calls).
;;   bin/robusta run --invoke fib examples/fibonacci.wat 30      (prints 832040)
(module
  ;; fib(0) = 0, fib(1) = 1, fib(n) = fib(n - 1) + fib(n - 2); exact up to fib(92).
  (func $fib (export "fib") (param $n i32) (result i64)
    (if (result i64) (i32.lt_s (local.get $n) (i32.const 2))
      (then (i64.extend_i32_s (local.get $n)))
      (else
        (i64.add
          (call $fib (i32.sub (local.get $n) (i32.const 1)))
          (call $fib (i32.sub (local.get $n) (i32.const 2))))))))

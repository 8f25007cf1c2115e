;; Hello world for WASI: writes "Hello, world!\n" to standard output.
;;   bin/robusta run examples/hello.wat
(module
  ;; fd_write(fd, iovs, iovs_len, nwritten) -> errno
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))

  (memory (export "memory") 1)

  ;; The text, at address 16 (14 bytes).
  (data (i32.const 16) "Hello, world!\n")

  (func (export "_start")
    ;; One iovec at address 0: { buf = 16, buf_len = 14 }.
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 14))
    ;; Write it to fd 1 (standard output); the count of bytes written goes to address 8.
    (drop
      (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))

/**
 * WASI for Robusta: {@code wasi_snapshot_preview1} and {@code wasi_unstable} host functions over an fd
 * table and sandboxed preopened directories of any {@link java.nio.file.FileSystem}, behind the Node-style
 * {@link dev.robusta.wasi.Wasi} API.
 */
module dev.robusta.wasi {
    requires transitive dev.robusta.runtime;
    requires java.management;
    requires static jdk.management;

    exports dev.robusta.wasi;
}

/**
 * The text-format parsers behind {@link dev.robusta.text.WatParser} and
 * {@link dev.robusta.text.wast.WastParser}. Not exported.
 *
 * <h2>Pipeline</h2>
 * {@link dev.robusta.text.internal.Lexer} (UTF-8 bytes to tokens, with positions) →
 * {@link dev.robusta.text.internal.SexpReader} (tokens to S-expression trees, annotations dropped) →
 * {@link dev.robusta.text.internal.ModuleBuilder} (module fields to the model, two passes: identifiers first)
 * with {@link dev.robusta.text.internal.InstrParser} (instructions to binary code with
 * {@link dev.robusta.wasm.code.CodeWriter}), or {@link dev.robusta.text.internal.ScriptParser} (directives).
 *
 * <h2>Design choices</h2>
 * <ul>
 *   <li><b>Bytes, not chars.</b> Quoted modules may hold bytes that are not UTF-8; the lexer reads bytes and
 *   reports "malformed UTF-8 encoding" itself. Columns count code points.</li>
 *   <li><b>No recursion on input depth.</b> The tree is built with an explicit stack and instructions are
 *   parsed with a work list, so 100,000 nested blocks parse on a small thread stack; nothing else in the
 *   grammar nests without bound except {@code either} in scripts, which is capped.</li>
 *   <li><b>The reference interpreter's messages and order.</b> Messages start with its text (checked against
 *   every {@code assert_malformed} of the suites); lexical errors are found while reading the tree, and an
 *   unbalanced {@code )} after a module is reported only after the module's own errors, as an incremental
 *   parser would. Keywords that do not exist are "unknown operator", known ones in the wrong place
 *   "unexpected token".</li>
 *   <li><b>wat2wasm's encodings.</b> Where the text leaves the binary form open, the choice is wabt's: a
 *   block type {@code (type x)} naming {@code [] -> [t?]} is written inline, an empty {@code else} and a
 *   {@code select (result)} with no type are dropped, the data count section is written when code uses a
 *   data index, data segments on memory 0 use flags 0. Element segments: function lists use indices, typed
 *   lists expressions — except that without 3.0 features a funcref list of plain {@code ref.func} also uses
 *   indices (as wabt does). With 3.0 features it does not, because a function-index segment then has type
 *   {@code (ref func)}, not funcref, which changes validation.</li>
 *   <li><b>Features.</b> Without memory64, limits and memory offsets are u32 literals ("i32 constant out of
 *   range"), as the 2.0 suite expects; with it they are u64 and the validator checks the range.</li>
 *   <li><b>Implicit types</b> are appended after the explicit ones, in the order their type uses occur (the
 *   signature of a function before the block types in its body); a use matches the first type that is a
 *   final function type alone in its recursion group with no supertypes.</li>
 * </ul>
 */
package dev.robusta.text.internal;

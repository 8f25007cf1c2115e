package dev.robusta.text;

import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.code.CodeReader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Prints a function body in the folded (S-expression) form: an instruction's operands are nested under it
 * when they are the instructions just before it that each push one value, as wabt's
 * {@code wasm2wat --fold-exprs} does; blocks become {@code (block ...)}, {@code (if (then ...) (else ...))},
 * {@code (try (do ...) (catch ...))}. Folding only regroups: unfolding the output gives back the
 * instructions in their order. Both building and printing use explicit stacks, so deep nesting cannot
 * overflow the Java stack.
 */
final class WatFoldedPrinter {
    private static final int PLAIN = 0, BLOCK = 1, IF = 2, TRY = 3;

    /** An instruction with its nested operands, or a block with its parts. */
    private static final class Node {
        final String text;
        final String comment;
        final int kind;
        final int results;
        List<Node> children = List.of();
        final List<Part> parts = new ArrayList<>(2);

        Node(String text, String comment, int kind, int results) {
            this.text = text;
            this.comment = comment;
            this.kind = kind;
            this.results = results;
        }
    }

    /** A sequence of instructions: a block's body, {@code (then ...)}, {@code (catch ...)}. */
    private static final class Part {
        final String head;
        final List<Node> body = new ArrayList<>();
        final List<Node> pending = new ArrayList<>();

        Part(String head) {
            this.head = head;
        }

        /**
         * Adds {@code n}, nesting the last {@code params} pending trees as its operands when there are as many.
         * When there are fewer (its operands come from before), it is not folded and cannot be an operand itself.
         */
        void place(Node n, int params) {
            if (params >= 0 && params <= pending.size()) {
                List<Node> operands = pending.subList(pending.size() - params, pending.size());
                if (params > 0) {
                    n.children = new ArrayList<>(operands);
                    operands.clear();
                }
                pending.add(n);
            } else {
                flush();
                body.add(n);
            }
        }

        /** After {@code n} is complete: an instruction without exactly one result cannot be an operand. */
        void after(Node n) {
            if (n.results != 1) {
                flush();
            }
        }

        void flush() {
            body.addAll(pending);
            pending.clear();
        }
    }

    /** An open block while building. */
    private static final class Frame {
        final Node node;
        final int labelArity;
        Part part;

        Frame(Node node, Part part, int labelArity) {
            this.node = node;
            this.part = part;
            this.labelArity = labelArity;
        }
    }

    private WatFoldedPrinter() {
    }

    /**
     * Appends the instructions of {@code body} (without its final {@code end}), folded, each tree starting
     * on a new line.
     */
    static void body(StringBuilder sb, WatInstrPrinter instr, WatPrinterStackEffects effects, Expression body,
                     int funcIdx, int returnArity, int indent) {
        List<Node> trees = build(instr, effects, body, funcIdx, returnArity);
        print(sb, trees, indent);
    }

    private static List<Node> build(WatInstrPrinter instr, WatPrinterStackEffects effects, Expression body,
                                    int funcIdx, int returnArity) {
        CodeReader r = new CodeReader(body, Features.ALL);
        List<Frame> frames = new ArrayList<>();
        frames.add(new Frame(null, new Part(null), returnArity));
        WatPrinterStackEffects.LabelArity labels = l -> {
            long i = frames.size() - 1 - Integer.toUnsignedLong(l);
            return i >= 0 ? frames.get((int) i).labelArity : WatPrinterStackEffects.UNKNOWN;
        };
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            Opcode op = r.next();
            Frame top = frames.get(frames.size() - 1);
            int depth = frames.size() - 1;
            text.setLength(0);
            switch (op) {
                case END:
                    if (depth == 0) {
                        if (!r.hasNext()) {
                            break;
                        }
                        plain(top.part, "end", effects, r, labels, returnArity);
                        break;
                    }
                    close(frames);
                    break;
                case ELSE:
                    if (top.node != null && top.node.kind == IF && top.node.parts.size() == 1) {
                        newPart(top, "else");
                    } else {
                        instr.append(text, r, funcIdx, depth);
                        plain(top.part, text.toString(), effects, r, labels, returnArity);
                    }
                    break;
                case CATCH:
                case CATCH_ALL:
                    instr.append(text, r, funcIdx, depth);
                    if (top.node != null && top.node.kind == TRY) {
                        newPart(top, text.toString());
                    } else {
                        plain(top.part, text.toString(), effects, r, labels, returnArity);
                    }
                    break;
                case DELEGATE:
                    if (top.node != null && top.node.kind == TRY) {
                        instr.append(text, r, funcIdx, depth - 1);
                        newPart(top, text.toString());
                        close(frames);
                    } else {
                        instr.append(text, r, funcIdx, depth);
                        plain(top.part, text.toString(), effects, r, labels, returnArity);
                    }
                    break;
                case BLOCK:
                case LOOP:
                case IF:
                case TRY:
                case TRY_TABLE: {
                    instr.append(text, r, funcIdx, depth);
                    effects.compute(r, labels, returnArity);
                    int kind = op == Opcode.IF ? IF : op == Opcode.TRY ? TRY : BLOCK;
                    Node n = new Node(text.toString(), "  ;; label = @" + (depth + 1), kind, effects.results());
                    top.part.place(n, effects.params());
                    Part first = new Part(kind == IF ? "then" : kind == TRY ? "do" : null);
                    n.parts.add(first);
                    frames.add(new Frame(n, first, effects.blockLabelArity(r)));
                    break;
                }
                default:
                    instr.append(text, r, funcIdx, depth);
                    plain(top.part, text.toString(), effects, r, labels, returnArity);
                    break;
            }
        }
        while (frames.size() > 1) {
            close(frames);
        }
        Part root = frames.get(0).part;
        root.flush();
        return root.body;
    }

    private static void plain(Part part, String text, WatPrinterStackEffects effects, CodeReader r,
                              WatPrinterStackEffects.LabelArity labels, int returnArity) {
        effects.compute(r, labels, returnArity);
        Node n = new Node(text, null, PLAIN, effects.results());
        part.place(n, effects.params());
        part.after(n);
    }

    private static void newPart(Frame top, String head) {
        top.part.flush();
        top.part = new Part(head);
        top.node.parts.add(top.part);
    }

    private static void close(List<Frame> frames) {
        Frame f = frames.remove(frames.size() - 1);
        f.part.flush();
        frames.get(frames.size() - 1).part.after(f.node);
    }

    // ---- printing ----

    private record Open(Node node, int indent) {
    }

    private record OpenPart(Part part, int indent) {
    }

    private record Close(boolean ownLine, int indent) {
    }

    private static void print(StringBuilder sb, List<Node> trees, int indent) {
        Deque<Object> tasks = new ArrayDeque<>();
        for (int i = trees.size() - 1; i >= 0; i--) {
            tasks.push(new Open(trees.get(i), indent));
        }
        while (!tasks.isEmpty()) {
            Object t = tasks.pop();
            if (t instanceof Open) {
                Open o = (Open) t;
                Node n = o.node;
                line(sb, o.indent).append('(').append(n.text);
                if (n.comment != null) {
                    sb.append(n.comment);
                }
                boolean empty = n.children.isEmpty()
                        && (n.parts.isEmpty() || n.parts.size() == 1 && n.parts.get(0).head == null
                        && n.parts.get(0).body.isEmpty());
                int inner = nested(o.indent);
                tasks.push(new Close(empty && n.comment != null, o.indent));
                for (int i = n.parts.size() - 1; i >= 0; i--) {
                    tasks.push(new OpenPart(n.parts.get(i), inner));
                }
                for (int i = n.children.size() - 1; i >= 0; i--) {
                    tasks.push(new Open(n.children.get(i), inner));
                }
            } else if (t instanceof OpenPart) {
                OpenPart p = (OpenPart) t;
                int bodyIndent = p.indent;
                if (p.part.head != null) {
                    line(sb, p.indent).append('(').append(p.part.head);
                    tasks.push(new Close(false, p.indent));
                    bodyIndent = nested(p.indent);
                }
                for (int i = p.part.body.size() - 1; i >= 0; i--) {
                    tasks.push(new Open(p.part.body.get(i), bodyIndent));
                }
            } else {
                Close c = (Close) t;
                if (c.ownLine) {
                    line(sb, c.indent);
                }
                sb.append(')');
            }
        }
    }

    private static int nested(int indent) {
        return indent < WatPrinter.MAX_INDENT_DEPTH * 2 ? indent + 2 : indent;
    }

    private static StringBuilder line(StringBuilder sb, int indent) {
        sb.append('\n');
        for (int i = 0; i < indent; i++) {
            sb.append(' ');
        }
        return sb;
    }
}

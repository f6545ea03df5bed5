package org.gradlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.gradlab.engine.autodiff.Expression;
import org.gradlab.engine.autodiff.ExpressionParseException;
import org.gradlab.engine.autodiff.Value;

/**
 * {@code gradlab autodiff EXPR --at x=3,c=5 [--dot FILE]}: evaluates a formula, runs reverse-mode
 * autodiff on it and prints the value, every partial derivative and the graph's nodes in
 * topological order with their adjoints; {@code --dot} also writes the graph for Graphviz.
 */
public final class AutodiffCommand {
    static final String USAGE = """
            usage: gradlab autodiff EXPR --at NAME=VALUE[,NAME=VALUE...] [--dot FILE]
              EXPR   a formula with + - * / ^ (constant exponent), unary minus, parentheses,
                     log exp tanh relu sigmoid, numbers and variables; may start with 'f ='
              --at   the value of every variable, e.g. --at x=3,c=5
              --dot  also write the computation graph in Graphviz format to FILE
            example: gradlab autodiff "(x^2/log(x) + c)*(x^2/log(x) - c)" --at x=3,c=5""";

    private AutodiffCommand() {
    }

    /** Runs the command on the arguments after "autodiff"; returns the exit status (0, or 2 for bad input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String text = null;
        Map<String, Double> at = new LinkedHashMap<>();
        String dot = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    out.println(USAGE);
                    return 0;
                } else if (a.equals("--at") || a.startsWith("--at=")) {
                    parseAssignments(a.equals("--at") ? valueOf(args, ++i, "--at") : a.substring(5), at);
                } else if (a.equals("--dot") || a.startsWith("--dot=")) {
                    dot = a.equals("--dot") ? valueOf(args, ++i, "--dot") : a.substring(6);
                } else if (a.startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + a);
                } else if (text == null) {
                    text = a;
                } else {
                    throw new IllegalArgumentException("more than one expression given ('" + text + "' and '" + a
                            + "'); quote the formula so the shell passes it as one argument");
                }
            }
            if (text == null) {
                throw new IllegalArgumentException("no expression given");
            }
        } catch (IllegalArgumentException e) {
            err.println("gradlab autodiff: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }

        Expression expression;
        try {
            expression = Expression.parse(text);
        } catch (ExpressionParseException e) {
            err.println("gradlab autodiff: " + e.getMessage());
            err.println("  " + text);
            err.println("  " + " ".repeat(Math.max(0, e.column() - 1)) + "^");
            return 2;
        }
        Expression.Evaluation graph;
        try {
            graph = expression.evaluate(at);
        } catch (IllegalArgumentException e) {
            String hint = expression.variables().stream().map(v -> v + "=" + (at.containsKey(v) ? format(at.get(v)) : "…"))
                    .collect(Collectors.joining(","));
            err.println("gradlab autodiff: " + e.getMessage() + " (use --at " + hint + ")");
            return 2;
        }
        for (String name : at.keySet()) {
            if (!expression.variables().contains(name)) {
                err.println("gradlab autodiff: warning: --at gives " + name + " but the expression does not use it");
            }
        }

        Value f = graph.output();
        f.backward();
        String fn = expression.outputName();
        out.println(fn + " = " + format(f.data()));
        for (Map.Entry<String, Value> v : graph.variables().entrySet()) {
            out.println("\u2202" + fn + "/\u2202" + v.getKey() + " = " + format(v.getValue().grad()));
        }
        List<Value> order = f.topologicalOrder();
        out.println();
        out.print(table(order));
        if (dot != null) {
            try {
                Files.writeString(Path.of(dot), dot(order, fn), StandardCharsets.UTF_8);
                out.println();
                out.println("graph written to " + dot + " (render: dot -Tsvg " + dot + " -o graph.svg)");
            } catch (IOException | RuntimeException e) {
                err.println("gradlab autodiff: cannot write " + dot + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    private static String valueOf(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** "x=3,c=5" (spaces allowed) into {@code into}; a name given twice is an error. */
    static void parseAssignments(String spec, Map<String, Double> into) {
        for (String part : spec.split(",", -1)) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("--at: expected NAME=VALUE, got '" + p + "' in '" + spec + "'");
            }
            String name = p.substring(0, eq).strip();
            String number = p.substring(eq + 1).strip();
            double v;
            try {
                v = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--at: the value of " + name + " is not a number: '" + number + "'");
            }
            if (into.put(name, v) != null) {
                throw new IllegalArgumentException("--at: " + name + " is given twice");
            }
        }
    }

    private static String describe(Value v) {
        if (!v.isLeaf()) {
            return v.op();
        }
        return v.label().isEmpty() ? "const" : v.label();
    }

    /** id, operation, input ids, value and adjoint, one row per node in topological order. */
    private static String table(List<Value> order) {
        Map<Value, Integer> ids = ids(order);
        String[][] rows = new String[order.size() + 1][];
        rows[0] = new String[] {"id", "operation", "inputs", "value", "adjoint"};
        for (int n = 0; n < order.size(); n++) {
            Value v = order.get(n);
            String inputs = v.children().stream().map(c -> String.valueOf(ids.get(c))).collect(Collectors.joining(", "));
            rows[n + 1] = new String[] {String.valueOf(n), describe(v), inputs, format(v.data()), format(v.grad())};
        }
        int[] width = new int[rows[0].length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                boolean numeric = c == 0 || c >= 3;
                String cell = numeric ? " ".repeat(width[c] - r[c].length()) + r[c]
                        : r[c] + " ".repeat(width[c] - r[c].length());
                line.append(c == 0 ? "" : "  ").append(cell);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** A Graphviz digraph: one box per node (operation, value, adjoint), edges from inputs to users. */
    static String dot(List<Value> order, String outputName) {
        Map<Value, Integer> ids = ids(order);
        StringBuilder sb = new StringBuilder("digraph autodiff {\n  rankdir=LR;\n  node [shape=record, fontname=\"monospace\"];\n");
        for (int n = 0; n < order.size(); n++) {
            Value v = order.get(n);
            String what = n == order.size() - 1 ? outputName + " = " + describe(v) : describe(v);
            sb.append(String.format(Locale.ROOT, "  n%d [label=\"{#%d %s | value %s | adjoint %s}\"%s];%n", n, n,
                    escape(what), format(v.data()), format(v.grad()), v.isLeaf() ? ", style=filled, fillcolor=\"#e8f0fe\"" : ""));
        }
        for (int n = 0; n < order.size(); n++) {
            for (Value c : order.get(n).children()) {
                sb.append("  n").append(ids.get(c)).append(" -> n").append(n).append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }

    private static Map<Value, Integer> ids(List<Value> order) {
        Map<Value, Integer> ids = new IdentityHashMap<>();
        for (int n = 0; n < order.size(); n++) {
            ids.put(order.get(n), n);
        }
        return ids;
    }

    /** Record-label special characters escaped for Graphviz. */
    private static String escape(String s) {
        return s.replaceAll("([{}|<>\"\\\\])", "\\\\$1");
    }

    /** 12 significant digits, no trailing zeros: 42.1113714… , -10, 1.5e-07. */
    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e12) {
            return d.toPlainString();
        }
        return String.format(Locale.ROOT, "%.11e", v).replaceAll("\\.?0+e", "e");
    }
}

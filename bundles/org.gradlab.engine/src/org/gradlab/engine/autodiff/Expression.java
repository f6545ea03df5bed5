package org.gradlab.engine.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An infix formula such as {@code (x^2/log(x) + c)*(x^2/log(x) - c)}, parsed once and evaluated
 * into a {@link Value} graph for given variable values.
 *
 * <p>Syntax: numbers ({@code 2}, {@code 0.5}, {@code 1e-3}), variable names, {@code + - * /},
 * {@code ^} (or {@code **}) with a constant exponent, unary minus, parentheses and the functions
 * log, exp, tanh, relu, sigmoid. {@code ^} binds tighter than unary minus and groups to the right
 * ({@code -x^2 = -(x^2)}, {@code 2^3^2 = 2^9}). The text may start with {@code name =} to name the
 * result (default "f").
 *
 * <p>The parser turns the text into a postfix program once; {@link #evaluate} runs it with a
 * stack, so even very long formulas need no recursion when evaluated.
 */
public final class Expression {
    private static final List<String> FUNCTIONS = List.of("log", "exp", "tanh", "relu", "sigmoid");

    private enum Kind { CONST, VAR, ADD, SUB, MUL, DIV, NEG, POW, CALL }

    /** One postfix instruction: push a constant or variable, or combine the top of the stack. */
    private record Instr(Kind kind, double number, String name) {
    }

    /** The graph of one evaluation: its output node and the leaf of each variable. */
    public record Evaluation(Value output, Map<String, Value> variables) {
    }

    private final String text;
    private final String outputName;
    private final List<Instr> program;
    private final List<String> variables;

    private Expression(String text, String outputName, List<Instr> program, List<String> variables) {
        this.text = text;
        this.outputName = outputName;
        this.program = program;
        this.variables = variables;
    }

    /** Parses a formula; throws {@link ExpressionParseException} naming the column of the first problem. */
    public static Expression parse(String text) {
        Parser p = new Parser(text);
        String name = p.outputName();
        p.expr();
        p.skipSpace();
        if (!p.atEnd()) {
            throw p.error("unexpected " + p.describeNext() + " {col} (expected an operator or the end)");
        }
        return new Expression(text, name == null ? "f" : name, List.copyOf(p.program), List.copyOf(p.variables));
    }

    public String text() {
        return text;
    }

    /** The name given by a leading {@code name =}, else "f". */
    public String outputName() {
        return outputName;
    }

    /** The variable names in order of first appearance. */
    public List<String> variables() {
        return variables;
    }

    /**
     * Builds the graph for the given variable values. Each variable becomes one leaf, shared by all
     * its uses, so its adjoint collects every path.
     */
    public Evaluation evaluate(Map<String, Double> values) {
        List<String> missing = variables.stream().filter(v -> !values.containsKey(v)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no value given for variable" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing));
        }
        Map<String, Value> leaves = new LinkedHashMap<>();
        for (String v : variables) {
            leaves.put(v, Value.variable(v, values.get(v)));
        }
        return new Evaluation(run(program, leaves), leaves);
    }

    private static Value run(List<Instr> program, Map<String, Value> leaves) {
        Deque<Value> stack = new ArrayDeque<>();
        for (Instr in : program) {
            switch (in.kind) {
                case CONST -> stack.push(Value.of(in.number));
                case VAR -> stack.push(leaves.get(in.name));
                case NEG -> stack.push(stack.pop().neg());
                case POW -> stack.push(stack.pop().pow(in.number));
                case CALL -> stack.push(call(in.name, stack.pop()));
                default -> {
                    Value b = stack.pop();
                    Value a = stack.pop();
                    stack.push(switch (in.kind) {
                        case ADD -> a.add(b);
                        case SUB -> a.sub(b);
                        case MUL -> a.mul(b);
                        case DIV -> a.div(b);
                        default -> throw new AssertionError(in.kind);
                    });
                }
            }
        }
        return stack.pop();
    }

    private static Value call(String function, Value x) {
        return switch (function) {
            case "log" -> x.log();
            case "exp" -> x.exp();
            case "tanh" -> x.tanh();
            case "relu" -> x.relu();
            case "sigmoid" -> x.sigmoid();
            default -> throw new AssertionError(function);
        };
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Recursive descent over
     * <pre>
     *   expr    := term (('+' | '-') term)*
     *   term    := unary (('*' | '/') unary)*
     *   unary   := ('-' | '+') unary | power
     *   power   := primary (('^' | '**') unary)?
     *   primary := number | function '(' expr ')' | name | '(' expr ')'
     * </pre>
     * emitting postfix instructions as each rule completes.
     */
    private static final class Parser {
        private final String s;
        private int pos;
        final List<Instr> program = new ArrayList<>();
        final Set<String> variables = new LinkedHashSet<>();

        Parser(String text) {
            this.s = text == null ? "" : text;
        }

        /** A leading "name =" (not "=="), consumed; null when there is none. */
        String outputName() {
            skipSpace();
            int start = pos;
            String name = peekName();
            if (name != null) {
                pos += name.length();
                skipSpace();
                if (peek() == '=') {
                    pos++;
                    return name;
                }
            }
            pos = start;
            return null;
        }

        void expr() {
            term();
            for (char c = next(); c == '+' || c == '-'; c = next()) {
                pos++;
                term();
                program.add(new Instr(c == '+' ? Kind.ADD : Kind.SUB, 0, null));
            }
        }

        private void term() {
            unary();
            for (char c = next(); (c == '*' && !lookingAt("**")) || c == '/'; c = next()) {
                pos++;
                unary();
                program.add(new Instr(c == '*' ? Kind.MUL : Kind.DIV, 0, null));
            }
        }

        private void unary() {
            char c = next();
            if (c == '-' || c == '+') {
                pos++;
                int start = program.size();
                unary();
                if (c == '-') {
                    Instr last = program.get(program.size() - 1);
                    if (program.size() == start + 1 && last.kind == Kind.CONST) {
                        program.set(start, new Instr(Kind.CONST, -last.number, null)); // -3 is a constant
                    } else {
                        program.add(new Instr(Kind.NEG, 0, null));
                    }
                }
                return;
            }
            power();
        }

        private void power() {
            primary();
            char c = next();
            if (c == '^' || lookingAt("**")) {
                pos += c == '^' ? 1 : 2;
                skipSpace();
                int column = pos + 1;
                int start = program.size();
                unary();
                List<Instr> exponent = program.subList(start, program.size());
                if (exponent.stream().anyMatch(i -> i.kind == Kind.VAR)) {
                    throw new ExpressionParseException("the exponent must be a constant {col}"
                            + " (x^y with a variable y is not supported; write exp(y*log(x)))", column);
                }
                double k = run(List.copyOf(exponent), Map.of()).data();
                exponent.clear();
                program.add(new Instr(Kind.POW, k, null));
            }
        }

        private void primary() {
            char c = next();
            if (c == '(') {
                pos++;
                expr();
                expect(')');
            } else if (Character.isDigit(c) || c == '.') {
                number();
            } else if (peekName() != null) {
                int column = pos + 1;
                String name = peekName();
                pos += name.length();
                if (FUNCTIONS.contains(name)) {
                    if (next() != '(') {
                        throw error("expected '(' after function '" + name + "' {col}");
                    }
                    pos++;
                    expr();
                    expect(')');
                    program.add(new Instr(Kind.CALL, 0, name));
                } else if (next() == '(') {
                    throw new ExpressionParseException("unknown function '" + name + "' {col} (known: "
                            + String.join(", ", FUNCTIONS) + ")", column);
                } else {
                    variables.add(name);
                    program.add(new Instr(Kind.VAR, 0, name));
                }
            } else {
                throw error("expected a number, a variable, a function or '(' {col}, got " + describeNext());
            }
        }

        private void number() {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                int mark = pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos >= s.length() || !Character.isDigit(s.charAt(pos))) {
                    pos = mark; // "2e" or "2ex": the e is not an exponent, report it below
                }
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
            String literal = s.substring(start, pos);
            try {
                program.add(new Instr(Kind.CONST, Double.parseDouble(literal), null));
            } catch (NumberFormatException e) {
                throw new ExpressionParseException("malformed number '" + literal + "' {col}", start + 1);
            }
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "' {col}, got " + describeNext());
            }
            pos++;
        }

        /** The next non-space character (normalising the Unicode minus sign), or 0 at the end. */
        private char next() {
            skipSpace();
            return peek();
        }

        private char peek() {
            if (pos >= s.length()) {
                return 0;
            }
            char c = s.charAt(pos);
            return c == '\u2212' ? '-' : c;
        }

        private boolean lookingAt(String token) {
            return s.startsWith(token, pos);
        }

        private String peekName() {
            if (pos >= s.length() || !(Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '_')) {
                return null;
            }
            int end = pos + 1;
            while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                end++;
            }
            return s.substring(pos, end);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        String describeNext() {
            if (atEnd()) {
                return "the end of the expression";
            }
            String name = peekName();
            return "'" + (name != null ? name : String.valueOf(s.charAt(pos))) + "'";
        }

        ExpressionParseException error(String problem) {
            return new ExpressionParseException(problem, pos + 1);
        }
    }
}

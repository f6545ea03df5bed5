package org.gradlab.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The {@code gradlab} command: dispatches to one class per subcommand. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: output uses ∂ and × and must read the same on every machine.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            usage(out);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "conformance" -> ConformanceCommand.run(rest, out, err);
                case "autodiff" -> AutodiffCommand.run(rest, out, err);
                case "summary" -> SummaryCommand.run(rest, out, err);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "grade" -> GradeCommand.run(rest, out, err);
                case "merge" -> MergeCommand.run(rest, out, err);
                case "new-workspace" -> NewWorkspaceCommand.run(rest, out, err);
                case "check" -> CheckCommand.run(rest, out, err);
                case "validate" -> ValidateCommand.run(rest, out, err);
                case "memorize" -> MemorizationCommand.run(rest, out, err);
                case "train-mlp" -> TrainMlpCommand.run(rest, out, err);
                default -> {
                    err.println("gradlab: unknown command '" + args[0] + "'");
                    usage(err);
                    yield 2;
                }
            };
        } catch (RuntimeException e) {
            // A bug of ours, not bad input: say so plainly, with the trace for the report.
            err.println("gradlab " + args[0] + ": internal error: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    static void usage(PrintStream out) {
        out.println("""
                usage: gradlab COMMAND [ARGS]

                  conformance FILE… [--emit OUT.json] [--rtol R] [--atol A]
                                     run the reference engine on test-vector cases and compare
                  autodiff EXPR --at x=3,c=5 [--dot FILE]
                                     scalar reverse-mode autodiff of a formula, node by node
                  summary MODEL [--input C×H×W]
                                     layer table: output shapes, parameters, receptive field, mult-adds
                  bench [--dtype float64|float32|both] [--repeat N]
                                     time forward + backward of the heavy ops (median per iteration)
                  grade SUBMISSIONS --out REPORTS [--jobs N] [--seed S] [--shard i/n] [--regrade]
                                     grade a class in parallel, resumably; Gradescope JSON, JUnit XML,
                                     gradebook CSV and an HTML summary
                  merge REPORTS_1 REPORTS_2 … --out REPORTS [--partial]
                                     join the reports of shards graded by separate jobs
                  new-workspace DIR  a fresh student workspace: stubs, task texts, public vectors, student API jars
                  check [DIR] [--exercise ID] [--timeout S]
                                     self-check a workspace: public vectors and numeric gradients, per exercise
                  validate [--seed S] [--exercise ID] [--jobs N]
                                     prove every exercise solvable and checkable (solutions, stubs, variants)
                  memorize [--epochs N] [--png OUT.png] [--workspace DIR]
                                     exercise 13: a CNN memorizes random labels but generalizes only on
                                     true ones (Fashion-MNIST when installed); table and PNG chart
                  train-mlp [--workspace DIR] [--epochs N] [--hidden H]   exercise 5: TwoLayerNet on Fashion-MNIST
                  build | test      (handled by the ./gradlab launcher)""");
    }
}

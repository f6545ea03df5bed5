package org.gradlab.grader.specs;

import java.util.List;
import java.util.Map;

import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;

/**
 * Exercise 11: an RNN cell, an LSTM cell and a sequence RNN with backpropagation through time,
 * each judged against the reference engine with {@link org.gradlab.grader.spec.ModuleOracle}.
 */
public final class RecurrentExercise implements ExerciseSpec {
    @Override
    public String id() {
        return "11-recurrent";
    }

    @Override
    public String title() {
        return "Recurrent networks: RNN and LSTM cells, backpropagation through time";
    }

    @Override
    public List<String> studentClasses() {
        return List.of("rnn.RNNCell", "rnn.LSTMCell", "rnn.RNN");
    }

    @Override
    public Map<Part, Double> points() {
        return Part.points(Map.of(Part.FORWARD, 2.5, Part.INPUT_GRADIENT, 3.0, Part.PARAMETER_GRADIENTS, 2.0,
                Part.EDGE_CASES, 1.5, Part.STATEFUL_INVARIANTS, 1.0));
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        RecurrentCellChecks.run(g);
        RnnSequenceChecks.run(g);
        return g.finish("");
    }
}

package org.gradlab.ui.check;

import java.util.function.BooleanSupplier;

import org.gradlab.check.run.CheckListener;
import org.gradlab.check.run.CheckProcess;
import org.gradlab.check.run.CheckRequest;
import org.gradlab.check.run.CheckRun;

/** The seam to the check process: {@link CheckProcess#run} in the IDE, a recording wrapper in tests. */
@FunctionalInterface
public interface CheckRunner {
    CheckRunner PROCESS = CheckProcess::run;

    CheckRun run(CheckRequest request, CheckListener listener, BooleanSupplier cancelled);
}

package org.gradlab.ui.views;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.ui.handlers.HandlerUtil;
import org.gradlab.ui.check.CheckRunRecord;
import org.gradlab.ui.check.CheckService;

/**
 * Rerun All and Rerun Failed in the view's toolbar: again the run the view shows, all of it or
 * only its failed exercises (failed, not compiling, timed out). One class, two commands: the
 * plugin.xml handler entries pass "all" or "failed" as the executable extension's data.
 */
public final class RerunHandler extends AbstractHandler implements IExecutableExtension {
    public static final String RERUN_ALL = "org.gradlab.ui.commands.rerunAll";
    public static final String RERUN_FAILED = "org.gradlab.ui.commands.rerunFailed";

    private boolean onlyFailed;

    public RerunHandler() {
    }

    RerunHandler(boolean onlyFailed) {
        this.onlyFailed = onlyFailed;
    }

    @Override
    public void setInitializationData(IConfigurationElement config, String property,
            Object data) {
        onlyFailed = "failed".equals(data);
    }

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        CheckView view = CheckHandler.showView(HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage());
        CheckRunRecord run = view.shownRun();
        if (run == null) {
            view.say("No check to rerun yet: press Check first");
        } else if (!onlyFailed) {
            CheckService.get().rerunAll(run);
        } else if (CheckService.get().rerunFailed(run).isEmpty()) {
            view.say("Nothing failed in the run shown: nothing to rerun");
        }
        return null;
    }
}

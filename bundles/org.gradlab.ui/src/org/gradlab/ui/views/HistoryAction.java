package org.gradlab.ui.views;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuCreator;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.gradlab.ui.check.CheckRunRecord;
import org.gradlab.ui.check.CheckService;

/**
 * The view's history drop-down, as in the JUnit view: the last runs (newest first) with their
 * time and outcome; choosing one shows it again (without rerunning), "Clear History" forgets them.
 */
final class HistoryAction extends Action implements IMenuCreator {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final CheckService service;
    private final Consumer<CheckRunRecord> show;
    private final Supplier<CheckRunRecord> shown;
    private MenuManager menu;

    HistoryAction(CheckService service, Consumer<CheckRunRecord> show, Supplier<CheckRunRecord> shown) {
        super("Check History", IAction.AS_DROP_DOWN_MENU);
        this.service = service;
        this.show = show;
        this.shown = shown;
        setToolTipText("Check History: show one of the last " + CheckService.HISTORY_SIZE + " runs");
        setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_TOOL_BACK));
        setMenuCreator(this);
    }

    /** The toolbar button itself shows the run before the one shown now. */
    @Override
    public void run() {
        List<CheckRunRecord> runs = service.history();
        int at = runs.indexOf(shown.get());
        if (at + 1 < runs.size()) {
            show.accept(runs.get(at + 1));
        }
    }

    /** The menu's entries: one per run, then Clear History. */
    List<IAction> entries() {
        List<CheckRunRecord> runs = service.history();
        List<IAction> out = new ArrayList<>();
        for (CheckRunRecord r : runs) {
            Action a = new Action(label(r), IAction.AS_RADIO_BUTTON) {
                @Override
                public void run() {
                    show.accept(r);
                }
            };
            a.setChecked(r == shown.get());
            out.add(a);
        }
        Action clear = new Action("Clear History") {
            @Override
            public void run() {
                service.clearHistory();
                show.accept(null);
            }
        };
        clear.setEnabled(!runs.isEmpty());
        out.add(clear);
        return out;
    }

    static String label(CheckRunRecord r) {
        CheckRunRecord.Counts c = r.counts();
        String outcome = !r.finished() ? "running" : r.problem() != null ? "could not run"
                : r.cancelled() ? "cancelled" : c.failed() > 0 ? c.failed() + " failed"
                        : c.passed() + " passed of " + c.done();
        return TIME.format(r.started()) + "  " + r.label() + "  (" + outcome + ")";
    }

    @Override
    public Menu getMenu(Control parent) {
        disposeMenu();
        menu = new MenuManager();
        List<IAction> entries = entries();
        for (int i = 0; i < entries.size(); i++) {
            if (i == entries.size() - 1) {
                menu.add(new Separator());
            }
            menu.add(new ActionContributionItem(entries.get(i)));
        }
        return menu.createContextMenu(parent);
    }

    @Override
    public Menu getMenu(Menu parent) {
        return null;
    }

    @Override
    public void dispose() {
        disposeMenu();
    }

    private void disposeMenu() {
        if (menu != null) {
            menu.dispose();
            menu = null;
        }
    }
}

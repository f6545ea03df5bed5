package org.gradlab.ui.wizards;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.gradlab.ui.task.TaskViewer;

/**
 * The New GradLab Exercise Project wizard as a student uses it, for the workbench tests: its
 * dialog opened (not blocking), the name typed into the page's field, Finish.
 */
public final class WizardDriver {
    private final NewExerciseProjectWizard wizard;
    private final WizardDialog dialog;

    private WizardDriver(NewExerciseProjectWizard wizard, WizardDialog dialog) {
        this.wizard = wizard;
        this.dialog = dialog;
    }

    /** Opens the wizard's dialog over {@code shell}, as File > New does. */
    public static WizardDriver open(Shell shell) {
        NewExerciseProjectWizard wizard = new NewExerciseProjectWizard();
        wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        WizardDialog dialog = new WizardDialog(shell, wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        return new WizardDriver(wizard, dialog);
    }

    public NewExerciseProjectWizard wizard() {
        return wizard;
    }

    public WizardDialog dialog() {
        return dialog;
    }

    /** Types {@code name} into the page's project name field (the page validates on every change). */
    public void typeName(String name) {
        nameField().setText(name);
    }

    /** Presses Finish: true when the project was made; the dialog is closed either way. */
    public boolean finish() {
        boolean done = wizard.performFinish();
        close();
        return done;
    }

    public void close() {
        if (dialog.getShell() != null) {
            dialog.close();
        }
    }

    /** The page's project name field: the text field holding the name it shows. */
    Text nameField() {
        ExerciseProjectPage page = wizard.getPage();
        List<Text> texts = new ArrayList<>();
        collect((Control) page.getControl(), texts);
        return texts.stream().filter(t -> t.getText().equals(page.getProjectName())).findFirst()
                .orElseThrow(() -> new AssertionError("no field shows " + page.getProjectName()));
    }

    private static void collect(Control c, List<Text> out) {
        if (c instanceof Text t) {
            out.add(t);
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                collect(child, out);
            }
        }
    }

    /** The GradLab Task view shows exercise {@code id} of the project. */
    public static boolean showsTask(IWorkbenchPage page, IProject project, String id) {
        IViewPart part = page.findView(TaskViewer.ID);
        return part instanceof TaskViewer task && project.equals(task.shownProject()) && id.equals(task.shownExercise());
    }
}

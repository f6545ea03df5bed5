package org.gradlab.ui.task;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.browser.LocationEvent;
import org.eclipse.swt.browser.LocationListener;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ViewPart;
import org.gradlab.course.task.ExerciseTask;
import org.gradlab.course.task.TaskLink;

/**
 * The "GradLab Task" view: one exercise's task text, typeset (Markdown and KaTeX in the SWT
 * Browser), with a drop-down of the project's exercises. Links to the stubs open the Java
 * editor at the method; links to another exercise's README show that exercise. Without a
 * browser (no WebKitGTK) it shows the Markdown source and says why. Problems (no project, no
 * such exercise, a stub that is gone) are a line in the view, never a dialog.
 */
public class TaskViewer extends ViewPart {
    public static final String ID = "org.gradlab.ui.views.TaskView";
    private static final String MEMENTO_PROJECT = "project";
    private static final String MEMENTO_EXERCISE = "exercise";

    /** Tests set this to check the view without a browser. */
    static volatile boolean forceFallback;

    private Combo exercises;
    private Label message;
    private Composite content;
    private StackLayout stack;
    private Browser browser;
    private Composite fallback;
    private Label fallbackNotice;
    private Text source;
    private Composite empty;

    private IProject project;
    private String exerciseId;
    private Path pageFile;
    private IMemento restored;

    /**
     * Shows the task of exercise {@code exerciseId} of a GradLab project in the "GradLab Task"
     * view, opening the view if needed. Callable from any thread.
     */
    public static void open(IProject project, String exerciseId) {
        Display display = PlatformUI.getWorkbench().getDisplay();
        if (Display.getCurrent() == null) {
            display.asyncExec(() -> open(project, exerciseId));
            return;
        }
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
            window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        if (window == null || window.getActivePage() == null) {
            return;   // no window to show it in (workbench closing)
        }
        try {
            TaskViewer view = (TaskViewer) window.getActivePage().showView(ID);
            view.show(project, exerciseId);
        } catch (PartInitException e) {
            org.eclipse.core.runtime.ILog.of(TaskViewer.class).error("cannot open the GradLab Task view", e);
        }
    }

    @Override
    public void init(IViewSite site, IMemento memento) throws PartInitException {
        super.init(site, memento);
        this.restored = memento;
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        new Label(parent, SWT.NONE).setText("Exercise:");
        exercises = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        exercises.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        exercises.addListener(SWT.Selection, e -> {
            int i = exercises.getSelectionIndex();
            if (i >= 0 && project != null) {
                show(project, exercises.getItem(i));
            }
        });
        message = new Label(parent, SWT.WRAP);
        message.setLayoutData(hidden(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1)));

        content = new Composite(parent, SWT.NONE);
        content.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        stack = new StackLayout();
        content.setLayout(stack);
        empty = new Composite(content, SWT.NONE);
        createFallback();
        try {
            if (forceFallback) {
                throw new SWTError("the browser was switched off (test)");
            }
            browser = new Browser(content, SWT.NONE);
            browser.addLocationListener(LocationListener.changingAdapter(this::navigating));
        } catch (SWTError e) {
            browser = null;
            fallbackNotice.setText("The task is shown as Markdown source: this IDE has no web browser to typeset it ("
                    + e.getMessage() + "; on Linux it needs WebKitGTK, e.g. apt-get install libwebkit2gtk-4.1-0).");
        }
        stack.topControl = empty;
        restoreState();
        if (project == null) {
            say("No exercise open. Create one with File \u2192 New \u2192 GradLab Exercise Project, or pick one in the GradLab view.");
        }
    }

    private void createFallback() {
        fallback = new Composite(content, SWT.NONE);
        fallback.setLayout(new GridLayout(1, false));
        fallbackNotice = new Label(fallback, SWT.WRAP);
        fallbackNotice.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        source = new Text(fallback, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        source.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        source.setFont(JFaceResources.getTextFont());
    }

    /** The project whose task is shown (or was asked for), null before the first show. */
    public IProject shownProject() {
        return project;
    }

    /** The id of the exercise whose task is shown (or was asked for), null before the first show. */
    public String shownExercise() {
        return exerciseId;
    }

    /** Shows exercise {@code id} of the project; a clear line in the view when it cannot. */
    public void show(IProject project, String id) {
        this.project = project;
        this.exerciseId = id;
        if (project == null || !project.exists() || !project.isOpen() || project.getLocation() == null) {
            showNothing((project == null ? "No project given" : "Project " + project.getName()
                    + (project.exists() ? " is closed" : " does not exist in this workspace"))
                    + ": cannot show the task of exercise " + id + ".");
            return;
        }
        Path workspace = project.getLocation().toPath();
        try {
            List<String> ids = ExerciseTask.exerciseIds(workspace);
            exercises.setItems(ids.toArray(String[]::new));
            exercises.select(ids.indexOf(id));
            ExerciseTask task = ExerciseTask.load(workspace, id);
            setContentDescription(project.getName() + ": " + task.manifest().title());
            if (browser != null) {
                TaskPages.Page page = TaskPages.write(project.getName(), task);
                pageFile = page.file();
                say(page.mathProblem());
                browser.setUrl(pageFile.toUri().toString());
                stack.topControl = browser;
            } else {
                say(null);
                source.setText(task.markdown());
                stack.topControl = fallback;
            }
            content.layout();
        } catch (IOException e) {
            showNothing(e.getMessage());
        }
    }

    private void showNothing(String why) {
        setContentDescription("");
        if (project == null || !project.exists()) {
            exercises.removeAll();
        }
        say(why);
        stack.topControl = empty;
        content.layout();
    }

    /** The page asks to go somewhere: our own page loads, everything else is opened outside the browser. */
    private void navigating(LocationEvent event) {
        if (isPage(event.location)) {
            return;
        }
        event.doit = false;
        IWorkbenchPage page = getSite().getPage();
        Optional<TaskLink> link = TaskLink.parse(event.location);
        if (link.isPresent()) {
            say(StubOpener.open(page, project, link.get()));
        } else if (event.location.startsWith("file:")) {
            openLocalFile(page, URI.create(event.location));
        } else {
            try {
                PlatformUI.getWorkbench().getBrowserSupport().getExternalBrowser().openURL(new URL(event.location));
            } catch (PartInitException | MalformedURLException e) {
                say("cannot open " + event.location + ": " + e.getMessage());
            }
        }
    }

    private boolean isPage(String location) {
        if ("about:blank".equals(location)) {
            return true;
        }
        try {
            URI uri = URI.create(location);
            return pageFile != null && "file".equals(uri.getScheme()) && Path.of(uri.getPath()).equals(pageFile);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A relative link of the text: another exercise's README shows that task; other files open in their editor. */
    private void openLocalFile(IWorkbenchPage page, URI uri) {
        IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(uri);
        if (files.length == 0 || !files[0].exists()) {
            say(uri.getPath() + " is not a file of this workspace.");
            return;
        }
        IFile file = files[0];
        String[] segments = file.getProjectRelativePath().segments();
        if (segments.length == 3 && segments[0].equals(ExerciseTask.EXERCISES) && segments[2].equals(ExerciseTask.README)) {
            show(file.getProject(), segments[1]);
            return;
        }
        try {
            IDE.openEditor(page, file, true);
        } catch (PartInitException e) {
            say("cannot open " + file.getFullPath() + ": " + e.getMessage());
        }
    }

    /** The message line; hidden when there is nothing to say. */
    private void say(String text) {
        boolean show = text != null && !text.isBlank();
        message.setText(show ? text : "");
        ((GridData) message.getLayoutData()).exclude = !show;
        message.setVisible(show);
        message.getParent().layout(true);
    }

    private static GridData hidden(GridData data) {
        data.exclude = true;
        return data;
    }

    @Override
    public void saveState(IMemento memento) {
        if (project != null && exerciseId != null) {
            memento.putString(MEMENTO_PROJECT, project.getName());
            memento.putString(MEMENTO_EXERCISE, exerciseId);
        }
    }

    private void restoreState() {
        if (restored == null || restored.getString(MEMENTO_PROJECT) == null || restored.getString(MEMENTO_EXERCISE) == null) {
            return;
        }
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(restored.getString(MEMENTO_PROJECT));
        if (p.exists()) {
            show(p, restored.getString(MEMENTO_EXERCISE));
        }
    }

    @Override
    public void setFocus() {
        (browser != null ? browser : exercises).setFocus();
    }

    // for the tests in the fragment
    Browser browser() {
        return browser;
    }

    String message() {
        return message.getText();
    }

    String fallbackText() {
        return stack.topControl == fallback ? source.getText() : null;
    }

    String fallbackNotice() {
        return fallbackNotice.getText();
    }

    String[] exerciseItems() {
        return exercises.getItems();
    }
}

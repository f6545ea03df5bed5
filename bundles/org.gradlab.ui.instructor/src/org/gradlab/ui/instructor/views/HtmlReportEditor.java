package org.gradlab.ui.instructor.views;

import java.net.URI;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

/**
 * A read-only HTML page of the grader (summary.html: score distributions, frequent mistakes) in
 * the SWT Browser. The page is self-contained (inline CSS and SVG), so nothing is fetched.
 * Where no browser engine is installed the editor says so and where the file is.
 */
public final class HtmlReportEditor extends EditorPart {
    public static final String ID = "org.gradlab.ui.instructor.views.HtmlReportEditor";

    private Browser browser;
    private Text fallback;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof IURIEditorInput)) {
            throw new PartInitException("GradLab reports open from a file, not from " + input.getName());
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        setTitleToolTip(uri().getPath());
    }

    private URI uri() {
        return ((IURIEditorInput) getEditorInput()).getURI();
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        try {
            browser = new Browser(parent, SWT.NONE);
            browser.setUrl(uri().toString());
        } catch (SWTError e) {
            fallback = new Text(parent, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
            fallback.setText("This page needs a web browser engine (WebKitGTK: apt-get install libwebkit2gtk-4.1-0), "
                    + "which SWT could not load: " + e.getMessage() + "\n\nOpen " + uri().getPath()
                    + " in a web browser instead.");
        }
    }

    /** The browser showing the page, or null when none could be created. */
    public Browser browser() {
        return browser;
    }

    @Override
    public void setFocus() {
        if (browser != null) {
            browser.setFocus();
        } else {
            fallback.setFocus();
        }
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // read-only
    }

    @Override
    public void doSaveAs() {
        // read-only
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }
}

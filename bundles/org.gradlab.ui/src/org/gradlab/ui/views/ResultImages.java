package org.gradlab.ui.views;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/**
 * The view's images: each {@link StatusIcon} made once, on first use, and disposed with the view;
 * message rows use the workbench's shared info/warning/error images (shared: never disposed here).
 */
final class ResultImages {
    private final Device device;
    private final Map<StatusIcon, Image> made = new EnumMap<>(StatusIcon.class);

    ResultImages(Device device) {
        this.device = device;
    }

    Image get(StatusIcon icon) {
        return made.computeIfAbsent(icon, i -> new Image(device, i.imageData()));
    }

    Image of(ResultNode node) {
        return switch (node) {
            case ResultNode.Message m -> shared(switch (m.severity()) {
                case INFO -> ISharedImages.IMG_OBJS_INFO_TSK;
                case WARNING -> ISharedImages.IMG_OBJS_WARN_TSK;
                case ERROR -> ISharedImages.IMG_OBJS_ERROR_TSK;
            });
            case ResultNode.Exercise e -> get(StatusIcon.of(e.report().status()));
            case ResultNode.StudentClass c -> get(StatusIcon.of(c.report().outcome()));
            case ResultNode.Aspect a -> get(StatusIcon.of(a.item().outcome()));
            case ResultNode.EvidenceRow r -> get(StatusIcon.EVIDENCE);
            case ResultNode.Note n -> switch (n.parent().report().status()) {
                case COMPILE_ERROR, TIMED_OUT, FAILED -> get(StatusIcon.of(n.parent().report().status()));
                default -> shared(ISharedImages.IMG_OBJS_INFO_TSK);
            };
            case ResultNode.Output o -> shared(ISharedImages.IMG_OBJ_FILE);
        };
    }

    /** How many images this view has made (each one OS handle); for the handle budget test. */
    int count() {
        return made.size();
    }

    void dispose() {
        made.values().forEach(Image::dispose);
        made.clear();
    }

    private static Image shared(String name) {
        return PlatformUI.getWorkbench().getSharedImages().getImage(name);
    }
}

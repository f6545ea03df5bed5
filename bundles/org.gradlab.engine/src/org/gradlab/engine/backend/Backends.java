package org.gradlab.engine.backend;

import java.util.EnumMap;
import java.util.Map;

import org.gradlab.core.DType;
import org.gradlab.core.Tensor;

/** Which backend serves which element type. Defaults to the CPU; a device backend may be installed. */
public final class Backends {
    private static final Map<DType, Backend> BY_TYPE = new EnumMap<>(DType.class);

    static {
        for (DType t : DType.values()) {
            BY_TYPE.put(t, new CpuBackend(t));
        }
    }

    private Backends() {
    }

    public static synchronized Backend forType(DType dtype) {
        return BY_TYPE.get(dtype);
    }

    /** The backend for a tensor's type. */
    public static Backend of(Tensor t) {
        return forType(t.dtype());
    }

    /** Replaces the backend for one type (e.g. a CUDA backend for FLOAT32); returns the previous one. */
    public static synchronized Backend install(DType dtype, Backend backend) {
        return BY_TYPE.put(dtype, backend);
    }
}

package org.perfjunit;

import org.perfjunit.engine.ResourceProbe;

/** The resource probe of fake clocks: no allocation, GC or compilation figures. */
interface SilentResources extends ResourceProbe {

    @Override
    default long allocatedBytes() {
        return -1;
    }

    @Override
    default long gcCount() {
        return 0;
    }

    @Override
    default long gcMillis() {
        return 0;
    }

    @Override
    default long compilationMillis() {
        return -1;
    }
}

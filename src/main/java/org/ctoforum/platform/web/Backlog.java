package org.ctoforum.platform.web;

import java.io.Serializable;
import java.util.List;

/** What waits for someone: how many in all, and the first few of them to show. */
public record Backlog<T extends Serializable>(long total, List<T> first) implements Serializable {

    public static <T extends Serializable> Backlog<T> empty() {
        return new Backlog<>(0, List.of());
    }
}

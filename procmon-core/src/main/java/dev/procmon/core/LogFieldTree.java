package dev.procmon.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shape of the {@link LogField} schema, derived once from its declarations: the top-level
 * fields and each object's members, in write order. Kept apart from the enum so the enum is the
 * field list alone; this holder is initialised on first use, after every constant exists.
 */
// EnumOrdinal: members are indexed by their object's ordinal on purpose (a flat list, no map).
@SuppressWarnings("EnumOrdinal")
final class LogFieldTree {

    static final List<LogField> TOP_LEVEL;
    static final List<List<LogField>> MEMBERS;

    static {
        List<LogField> top = new ArrayList<>();
        List<List<LogField>> members = new ArrayList<>();
        for (LogField f : LogField.values()) {
            members.add(new ArrayList<>());
            LogField parent = f.parent();
            if (parent == null) {
                top.add(f);
            } else {
                members.get(parent.ordinal()).add(f);
            }
        }
        TOP_LEVEL = Collections.unmodifiableList(top);
        List<List<LogField>> frozen = new ArrayList<>();
        for (List<LogField> m : members) {
            frozen.add(Collections.unmodifiableList(m));
        }
        MEMBERS = Collections.unmodifiableList(frozen);
    }

    private LogFieldTree() {}
}

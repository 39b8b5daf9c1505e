package org.cmkg.replication;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A replica's part of {@code /health} (the HTTP layer's {@code Readiness}, wired in the composition
 * root): ready while it follows the log within the configured lag;
 * under {@code replication}, the log, the replica's name, its state, its offset, the log's end and
 * the lag (Kafka offsets: a patch takes one per chunk plus a commit marker), whether the log
 * answers, the last patch applied and, once stopped, why.
 */
public final class ReplicaHealth {
    private final Replica replica;

    public ReplicaHealth(Replica replica) {
        this.replica = replica;
    }

    /** Whether readers should be sent here. */
    public boolean ready() {
        return replica.ready();
    }

    /** The status word while not ready: starting, log-unreachable, catching-up, lagging, stopped, stopping. */
    public String status() {
        Optional<LogFollower.Status> s = replica.status();
        if (s.isEmpty())
            return "starting";
        return switch (s.get().state()) {
            case STARTING -> s.get().logReachable() ? "starting" : "log-unreachable";
            case CATCHING_UP -> "catching-up";
            case FOLLOWING -> s.get().caughtUp() ? "lagging" : "catching-up";
            case STOPPED -> "stopped";
            case CLOSED -> "stopping";
        };
    }

    /** The fields {@code /health} adds, all under {@code replication}. */
    public Map<String, Object> details() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("log", replica.config().log().toString());
        Optional<LogFollower.Status> status = replica.status();
        r.put("replica", status.map(LogFollower.Status::replicaName).orElse(null));
        r.put("state", status.map(s -> s.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).orElse("starting"));
        r.put("offset", status.map(LogFollower.Status::offset).orElse(null));
        r.put("logEnd", status.map(LogFollower.Status::logEnd).orElse(null));
        r.put("lag", status.map(LogFollower.Status::lag).orElse(null));
        r.put("maxLag", replica.config().maxLag());
        r.put("logReachable", status.map(LogFollower.Status::logReachable).orElse(false));
        r.put("unreachableSince", status.map(LogFollower.Status::unreachableSince).map(Object::toString).orElse(null));
        r.put("lastPatch", status.map(LogFollower.Status::lastPatch).orElse(null));
        r.put("lastApplied", status.map(LogFollower.Status::lastApplied).map(Object::toString).orElse(null));
        r.put("applyingFrom", status.map(LogFollower.Status::applyingFrom).filter(o -> o >= 0).orElse(null));
        r.put("problem", status.map(LogFollower.Status::problem).orElse(null));
        return Map.of("replication", r);
    }
}
